import { expect, type Page, test } from "@playwright/test";
import {
  AccountPage,
  LiveMotionPage,
  MotionPage,
  SignUpPage,
  SpacesPage,
  seriousViolations,
} from "./pages";
import { expectFits, phone, projector } from "./pages/screens";

const sizes = { phone, laptop: { width: 1366, height: 768 }, projector };

// Each size is a long tour of its own: they run side by side rather than in one worker's turn.
test.describe.configure({ mode: "parallel" });

/** The page fits the screen (a screenshot to look at), and axe finds nothing serious on it. */
async function look(page: Page, name: string, size: string) {
  await expectFits(page, name, size);
  expect(await seriousViolations(page), `${name} on a ${size}`).toEqual([]);
}

// The password reset pages a visitor reaches, at each size: apart from the long tour below, so
// that one keeps its time. The form with a working link is looked at in password-reset.spec.ts.
for (const [size, viewport] of Object.entries(sizes)) {
  test(`password reset pages fit a ${size} screen`, async ({ page }) => {
    await page.setViewportSize(viewport);
    for (const [name, path] of [
      ["forgot-password", "/forgot-password"],
      ["reset-password-invalid", "/reset-password?token=not-a-real-token"],
    ] as const) {
      await page.goto(path);
      await look(page, name, size);
    }
  });
}

// Each page at each size: nothing runs off the side, axe finds nothing serious, and a
// screenshot to look at.
for (const [size, viewport] of Object.entries(sizes)) {
  test(`pages fit a ${size} screen`, async ({ page }) => {
    // Some thirty pages, an axe scan each: more than the default minute on a shared machine.
    test.setTimeout(180_000);
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
      ["home-account-deleted", "/?account=deleted"],
      ["motion", motionHref],
      ["reader", readerHref],
      ["signin", "/signin"],
      ["join", "/join"],
      ["signup", "/signup"],
      ["search", "/search?q=Kazakhstan"],
      ["map", `${motionHref}/map`],
      ["projector", `${motionHref}/projector`],
      ["results-visitor", `${motionHref}/results`],
      ["not-found", "/no-such-page"],
      ["motion-not-found", `/motions/${crypto.randomUUID()}`],
    ] as const) {
      await page.goto(path ?? "/");
      await look(page, name, size);
    }

    await new SignUpPage(page).signUp({
      name: `Teacher on a ${size}`,
      email: `screens-${size}-${Date.now()}@school.test`,
      password: "a long enough password",
    });
    await look(page, "spaces", size);
    await page.goto("/inbox");
    await look(page, "inbox", size);
    await page.goto("/account");
    await look(page, "account", size);
    // Deleting the account: the confirmation half typed, its button still off.
    const account = new AccountPage(page);
    await account.confirmDeletion("dele", "a long enough password");
    await expect(account.deleteButton()).toBeDisabled();
    await look(page, "account-deleting", size);
    await page.goto(motionHref ?? "/");
    await new LiveMotionPage(page).openComposer();
    await expect(page.getByRole("button", { name: "Post" })).toBeVisible();
    await look(page, "motion-signed-in", size);
    await page.goto("/spaces");
    await new SpacesPage(page).createSpace(`Seminar seen on a ${size}`);
    await look(page, "space", size);
    await page.getByLabel("Title").fill("Seminars should start with a debate");
    await page.getByRole("button", { name: "Create motion" }).click();
    await expect(page.getByRole("button", { name: "Close the motion" })).toBeVisible();
    await new LiveMotionPage(page).post("For the motion", "Debate wakes a room up.");
    await page.getByRole("button", { name: "Spotlight" }).scrollIntoViewIfNeeded();
    await look(page, "motion-moderator", size);
    await page.getByLabel("Format").selectOption("oxford");
    await page.getByRole("button", { name: "Start the debate" }).click();
    await expect(page.locator(".session-phase")).toHaveText("Opening vote");
    await page.locator(".session-bar").scrollIntoViewIfNeeded();
    await look(page, "motion-session", size);
    await page.goto(`${new URL(page.url()).pathname}/results`);
    await expect(page.getByRole("heading", { level: 1, name: "Results" })).toBeVisible();
    await look(page, "results", size);
    await page.goto("/spaces");
    await page.getByRole("link", { name: `Seminar seen on a ${size}` }).click();
    await page.getByRole("link", { name: "Gradebook" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Gradebook" })).toBeVisible();
    await look(page, "gradebook-empty", size);
    await page.getByRole("link", { name: `Seminar seen on a ${size}` }).click();
    await page.getByRole("link", { name: "Add a document" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Add a document" })).toBeVisible();
    await look(page, "upload", size);
    await page.getByLabel("Title").fill("Seminar notes");
    await page.getByLabel("Or paste the text").fill("# Notes\n\nFirst point. Second point.");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.locator(".preview-block")).toHaveCount(2);
    await look(page, "document-preview", size);
    await page.getByRole("button", { name: "Save the document" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Seminar notes" })).toBeVisible();
    await look(page, "document-moderator", size);
  });
}
