import { expect, test } from "@playwright/test";
import { HomePage, ReaderPage, seriousViolations } from "./pages";
import { phone } from "./pages/screens";

const motionTitle = "Joining the Abraham Accords serves Kazakhstan";

test("a reader goes from the motions to a motion and on to its highlighted source passage", async ({
  page,
}) => {
  const home = new HomePage(page);
  await home.open();
  await expect(home.motionLinks()).toHaveCount(6);
  await expect(page.getByRole("heading", { name: "Library" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  const motion = await home.openMotion(motionTitle);
  await expect(motion.heading()).toHaveText(motionTitle);
  await expect(motion.sources()).toHaveCount(3);
  await expect(page.getByText(/A sample debate, written for the demo/)).toBeVisible();
  await expect(motion.side("For the motion").locator("li.argument").first()).toContainText(
    "(sample)",
  );
  await expect(motion.side("Against the motion").locator("li.argument").first()).toContainText(
    "(sample)",
  );
  expect(await seriousViolations(page)).toEqual([]);

  const quote = (await motion.sources().nth(1).locator("blockquote").textContent())?.trim() ?? "";
  await motion.openSources();
  await motion.readInContext(1).click();
  const reader = new ReaderPage(page);
  await expect(page).toHaveURL(/\/documents\/[^?]+\?passage=source-[^#]+#source-/);
  await expect(reader.activePassage()).toHaveText(quote);
  await expect(reader.activePassage()).toBeInViewport();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the reader marks every cited passage and steps from one to the next", async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await page
    .getByRole("link", { name: /Kazakhstan's geopolitics/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Kazakhstan's geopolitics/);
  const reader = new ReaderPage(page);
  const passages = reader.passageList().getByRole("listitem");
  const count = await passages.count();
  expect(count).toBeGreaterThanOrEqual(5);
  await expect(page.locator("mark.passage[id]")).toHaveCount(count);
  await expect(page.getByRole("heading", { name: "1. Introduction" })).toBeVisible();

  await reader.passageList().getByRole("link", { name: "First passage →" }).click();
  await expect(page.getByText(`Passage 1 of ${count}`)).toBeVisible();
  await expect(reader.activePassage().first()).toBeInViewport();
  await reader.passageList().getByRole("link", { name: "Next passage →" }).click();
  await expect(page.getByText(`Passage 2 of ${count}`)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("on a phone a well-cited document's text begins in its second screen, its passages in a box above", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: phone });
  const page = await context.newPage();
  await page.goto("/");
  await page
    .getByRole("link", { name: /Kazakhstan's geopolitics/ })
    .first()
    .click();
  const reader = new ReaderPage(page);
  await expect(reader.passageList().getByRole("listitem").first()).toBeVisible();
  const text = await page.locator(".document-text > *").first().boundingBox();
  expect(text?.y).toBeLessThan(2 * phone.height);
  await context.close();
});

test("a keyboard user reaches a source passage without a mouse", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  const motionLink = page.getByRole("link", { name: motionTitle });
  await motionLink.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(motionTitle);
  // The sources are folded into one block: Enter on its summary opens it.
  await page.locator(".sources-block > summary").focus();
  await page.keyboard.press("Enter");
  await page.getByRole("link", { name: "Read passage 1 in context" }).focus();
  await page.keyboard.press("Enter");
  await expect(new ReaderPage(page).activePassage().first()).toBeInViewport();
});

test("an unknown motion or document shows a not-found page", async ({ page }) => {
  const unknown = "/motions/00000000-0000-4000-8000-000000000000";
  for (const path of [unknown, `${unknown}/projector`, `${unknown}/map`, "/documents/nope"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page).toHaveTitle("Moot");
    // Signed out, it may be a class's: the way in comes back here.
    await expect(page.getByRole("link", { name: "sign in to see it" })).toHaveAttribute(
      "href",
      `/signin?callbackUrl=${encodeURIComponent(path)}`,
    );
  }
});
