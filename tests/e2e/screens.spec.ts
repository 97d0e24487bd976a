import { expect, test } from "@playwright/test";
import { LiveMotionPage, MotionPage, SignUpPage, SpacesPage } from "./pages";
import { expectFits, phone, projector } from "./pages/screens";

const sizes = { phone, laptop: { width: 1366, height: 768 }, projector };

// Each page at each size: nothing runs off the side, and a screenshot to look at.
for (const [size, viewport] of Object.entries(sizes)) {
  test(`pages fit a ${size} screen`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto("/");
    const motionHref = await page
      .locator(".card-title a[href^='/motions/']")
      .first()
      .getAttribute("href");
    await page.goto(motionHref ?? "/");
    await new MotionPage(page).openSources();
    const readerHref = await page
      .getByRole("link", { name: /^Read passage \d+ in context$/ })
      .first()
      .getAttribute("href");
    for (const [name, path] of [
      ["home", "/"],
      ["motion", motionHref],
      ["reader", readerHref],
      ["signin", "/signin"],
      ["join", "/join"],
      ["signup", "/signup"],
    ] as const) {
      await page.goto(path ?? "/");
      await expectFits(page, name, size);
    }

    await new SignUpPage(page).signUp({
      name: `Teacher on a ${size}`,
      email: `screens-${size}-${Date.now()}@school.test`,
      password: "a long enough password",
    });
    await expectFits(page, "spaces", size);
    await page.goto(motionHref ?? "/");
    await new LiveMotionPage(page).openComposer();
    await expect(page.getByRole("button", { name: "Post" })).toBeVisible();
    await expectFits(page, "motion-signed-in", size);
    await page.goto("/spaces");
    await new SpacesPage(page).createSpace(`Seminar seen on a ${size}`);
    await expectFits(page, "space", size);
    await page.getByLabel("Title").fill("Seminars should start with a debate");
    await page.getByRole("button", { name: "Create motion" }).click();
    await expect(page.getByRole("button", { name: "Lock the motion" })).toBeVisible();
    await new LiveMotionPage(page).post("For the motion", "Debate wakes a room up.");
    await page.getByRole("button", { name: "Spotlight" }).scrollIntoViewIfNeeded();
    await expectFits(page, "motion-moderator", size);
    await page.getByLabel("Format").selectOption("oxford");
    await page.getByRole("button", { name: "Start the debate" }).click();
    await expect(page.locator(".session-phase")).toHaveText("Opening vote");
    await page.locator(".session-bar").scrollIntoViewIfNeeded();
    await expectFits(page, "motion-session", size);
    await page.goto(`${new URL(page.url()).pathname}/results`);
    await expect(page.getByRole("heading", { level: 1, name: "Results" })).toBeVisible();
    await expectFits(page, "results", size);
    await page.goto("/spaces");
    await page.getByRole("link", { name: `Seminar seen on a ${size}` }).click();
    await page.getByRole("link", { name: "Add a document" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Add a document" })).toBeVisible();
    await page.getByLabel("Title").fill("Seminar notes");
    await page.getByLabel("Or paste the text").fill("# Notes\n\nFirst point. Second point.");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.locator(".preview-block")).toHaveCount(2);
    await expectFits(page, "document-preview", size);
    await page.getByRole("button", { name: "Save the document" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Seminar notes" })).toBeVisible();
    await expectFits(page, "document-moderator", size);
  });
}
