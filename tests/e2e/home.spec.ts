import { expect, test } from "@playwright/test";
import { SignUpPage, SpacesPage, seriousViolations } from "./pages";
import { expectFits, phone, projector } from "./pages/screens";

const sizes = { phone, laptop: { width: 1366, height: 768 }, projector };
const featured = "Joining the Abraham Accords serves Kazakhstan";

test("a visitor's home page says what Moot is, and offers a sample debate to try and a way to sign up", async ({
  page,
}) => {
  await page.goto("/");
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1 })).toHaveText("Debate from the sources");
  await expect(main).toContainText("Moot is a live debate room");
  await expect(main.getByRole("link", { name: "Try a debate" })).toBeVisible();
  await expect(main.getByRole("link", { name: "Sign up" })).toBeVisible();
  await expect(
    main.getByRole("listitem").filter({ hasText: featured }).getByText("Sample debate"),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  for (const [size, viewport] of Object.entries(sizes)) {
    await page.setViewportSize(viewport);
    await expectFits(page, "home-visitor", size);
  }

  await main.getByRole("link", { name: "Try a debate" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(featured);
  await expect(
    page.getByText(/A sample debate, written for the demo \(its authors are marked “\(sample\)”\)/),
  ).toBeVisible();
  for (const side of ["For the motion", "Against the motion"]) {
    const region = page.getByRole("region", { name: side });
    await expect(region.locator("li.argument").first()).toContainText("(sample)");
    await expect(region.locator("li.argument blockquote").first()).not.toBeEmpty();
  }
  expect(await seriousViolations(page)).toEqual([]);
  for (const [size, viewport] of Object.entries(sizes)) {
    await page.setViewportSize(viewport);
    await page.getByRole("region", { name: "For the motion" }).scrollIntoViewIfNeeded();
    await expectFits(page, "sample-debate", size);
  }
});

test("a visitor signs up from the home page and comes back to it, no longer offered to sign up", async ({
  page,
}) => {
  await page.goto("/");
  const main = page.getByRole("main");
  await main.getByRole("link", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();
  await page.getByLabel("Name").fill("Nurlan Newcomer");
  await page.getByLabel("Email").fill(`nurlan-${Date.now()}@school.test`);
  await page.getByLabel("Password").fill("nurlan's long password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(main.getByRole("heading", { level: 1 })).toHaveText("Debate from the sources");
  expect(new URL(page.url()).pathname).toBe("/");
  await expect(page.getByRole("banner")).toContainText("Nurlan Newcomer");
  await expect(main.getByRole("link", { name: "Try a debate" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign up" })).toHaveCount(0);
});

test("a signed-in member sees their own space first, above the motions", async ({ page }) => {
  const name = `Year 11 Politics ${Date.now()}`;
  await new SignUpPage(page).signUp({
    name: "Saule Teacher",
    email: `saule-${Date.now()}@school.test`,
    password: "saule's long password",
  });
  await new SpacesPage(page).createSpace(name);
  await page.goto("/");
  const main = page.getByRole("main");
  await expect(main.getByRole("heading").first()).toHaveText("Your spaces");
  await expect(main.locator(".card-title").first()).toHaveText(name);
  await expect(main.getByRole("link", { name: "Sign up" })).toHaveCount(0);
  await expect(main.getByRole("heading", { level: 2, name: "Motions" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  for (const [size, viewport] of Object.entries(sizes)) {
    await page.setViewportSize(viewport);
    await expectFits(page, "home-member", size);
  }
});
