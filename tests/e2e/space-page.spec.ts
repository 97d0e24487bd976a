import { expect, test } from "@playwright/test";
import { SignUpPage, SpacesPage, seriousViolations } from "./pages";
import { expectFits, phone } from "./pages/screens";

test("the space page gives the join link to copy and a QR code that opens the join form", async ({
  browser,
}) => {
  const teacher = await browser.newContext();
  await teacher.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await teacher.newPage();
  await new SignUpPage(page).signUp({
    name: "Mr Abenov",
    email: `abenov-${Date.now()}@school.test`,
    password: "a long enough password",
  });
  const space = await new SpacesPage(page).createSpace("Grade 10 Debate Club");
  const code = (await space.joinCode().textContent()) ?? "";

  const link = page.getByTestId("join-link");
  await expect(link).toHaveText(/^https?:\/\/.+\/join\?code=/);
  const url = (await link.textContent()) ?? "";
  expect(new URL(url).searchParams.get("code")).toBe(code);

  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  const qr = page.getByRole("img", { name: "QR code of the join link" });
  await expect(qr).toBeVisible();
  await expect(qr.locator("svg")).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);

  await page.setViewportSize(phone);
  await expectFits(page, "space-join", "phone", { fullPage: true });
  // Projected from a laptop, the whole code shows without scrolling.
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect(qr).toBeInViewport({ ratio: 1 });
  await expectFits(page, "space-join", "laptop");

  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(url);
  await expect(guestPage.getByRole("heading", { level: 1, name: "Join a space" })).toBeVisible();
  await expect(guestPage.getByLabel("Join code")).toHaveValue(code);

  for (const context of [teacher, guest]) await context.close();
});

test("a member finds their own space's motion first on the home page, before the demo's", async ({
  page,
}) => {
  await new SignUpPage(page).signUp({
    name: "Ms Nurlanova",
    email: `nurlanova-${Date.now()}@school.test`,
    password: "a long enough password",
  });
  await new SpacesPage(page).createSpace("Grade 11 Seminar");
  await page.getByLabel("Title").fill("Our class debates on Fridays");
  await page.getByRole("button", { name: "Create motion" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Our class debates on Fridays" }),
  ).toBeVisible();

  await page.goto("/");
  const titles = page.locator(".card-title a[href^='/motions/']");
  await expect(titles.first()).toHaveText("Our class debates on Fridays");
  expect(await titles.count()).toBeGreaterThan(1);
});
