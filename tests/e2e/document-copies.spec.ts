import { expect, type Locator, type Page, test } from "@playwright/test";
import {
  MotionPage,
  SignUpPage,
  SpacesPage,
  selectionBox,
  selectQuote,
  seriousViolations,
} from "./pages";

// A teacher reuses the public library: the demo's Abraham Accords commentary goes into their own
// space, and a motion there is drawn from one of its passages.

const commentary = "Kazakhstan's turn to the Abraham Accords, seen from Tehran";
const quote = "It is a calculated gamble with multilayered objectives.";

/** The gap between two boxes on the screen, 0 when they touch or overlap. */
function gapBetween(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
) {
  const dx = Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width));
  const dy = Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height));
  return Math.hypot(dx, dy);
}

/** The add button appears next to the selection, not far above it. */
async function expectNextToSelection(page: Page, button: Locator) {
  await expect(button).toBeVisible();
  const box = await button.boundingBox();
  if (!box) throw new Error("the button has no box");
  expect(gapBetween(box, await selectionBox(page))).toBeLessThan(150);
}

async function teacherWithSpace(page: Page, spaceName: string) {
  await new SignUpPage(page).signUp({
    name: "Mr Daniyar Sultanov",
    email: `sultanov-${Date.now()}@school.test`,
    password: "sultanov's long password",
  });
  await new SpacesPage(page).createSpace(spaceName);
  return new URL(page.url()).pathname;
}

/** From the public library, the commentary copied into the teacher's space: the library's path. */
async function copyCommentary(page: Page, spaceName: string) {
  await page.goto("/#library");
  await page.locator("#library").getByRole("link", { name: commentary }).click();
  await expect(page.getByRole("heading", { level: 1, name: commentary })).toBeVisible();
  const sourcePath = new URL(page.url()).pathname;
  await page.getByLabel("Your space").selectOption({ label: spaceName });
  await page.getByRole("button", { name: "Add to my space" }).click();
  await expect(page.getByText("Copied from")).toBeVisible();
  return sourcePath;
}

test("a teacher copies the library's commentary into their space and draws a motion from one of its passages", async ({
  page,
}) => {
  const spacePath = await teacherWithSpace(page, "Year 11 politics");
  const sourcePath = await copyCommentary(page, "Year 11 politics");

  // The copy is the space's own, the same text, and says where it came from.
  const copyPath = new URL(page.url()).pathname;
  expect(copyPath).not.toBe(sourcePath);
  await expect(page.getByRole("heading", { level: 1, name: commentary })).toBeVisible();
  await expect(page.locator(".document-text")).toContainText(quote);
  await expect(page.getByRole("link", { name: commentary }).first()).toHaveAttribute(
    "href",
    sourcePath,
  );
  expect(await seriousViolations(page)).toEqual([]);

  // Back on the library's page, the space holds its copy already: a link to it.
  await page.goto(sourcePath);
  await page.getByRole("link", { name: "open the copy" }).click();
  await expect(page).toHaveURL(copyPath);

  // The new-motion form draws its source from the copy.
  await page.goto(spacePath);
  await expect(page.getByRole("link", { name: commentary })).toBeVisible();
  const title = "Joining the Abraham Accords is a gamble worth taking";
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Source document").selectOption({ label: commentary });
  await expect(page.locator(".source-reader")).toContainText(quote);
  await selectQuote(page, quote);
  const add = page.getByRole("button", { name: "Add the selected passage" });
  await expectNextToSelection(page, add);
  await add.click();
  const sources = page.getByRole("group", { name: "Sources" });
  await expect(sources.getByRole("listitem")).toHaveCount(1);
  await expect(sources.getByRole("listitem")).toContainText(quote);
  await expect(sources.getByRole("listitem")).toContainText(commentary);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Create motion" }).click();

  const motion = new MotionPage(page);
  await expect(motion.heading()).toHaveText(title);
  await expect(motion.sources()).toHaveCount(1);
  await expect(motion.sources().first()).toContainText(quote);
});

test("on a document page the add button appears next to the selection, and the keyboard reaches it", async ({
  page,
}) => {
  await teacherWithSpace(page, "Seminar on Central Asia");
  await copyCommentary(page, "Seminar on Central Asia");

  // A passage far down the text: the button follows it there.
  const late = "For Kazakhstan, the pact is not an end in itself, but a means";
  // Before any passage, the button says what it needs.
  await expect(
    page.getByRole("button", { name: "Draft a motion (add a passage first)" }),
  ).toBeDisabled();
  await page.locator(".document-text p", { hasText: late }).scrollIntoViewIfNeeded();
  await selectQuote(page, late);
  const add = page.getByRole("button", { name: "Add the selected passage" });
  await expectNextToSelection(page, add);
  await add.focus();
  await page.keyboard.press("Enter");
  await expect(add).toBeHidden();
  await expect(page.getByRole("button", { name: "Draft a motion from 1 passage" })).toBeEnabled();
  await expect(page.locator(".picked-passages li")).toContainText(late);
});
