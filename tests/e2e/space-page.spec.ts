import { expect, test } from "@playwright/test";
import { SignUpPage, SpacePage, SpacesPage, seriousViolations } from "./pages";
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
  const spacePath = new URL(page.url()).pathname;
  // The empty list leads to the form, which says where a motion's sources come from.
  await page.getByRole("link", { name: "Create the first one" }).click();
  await expect(page.getByRole("heading", { name: "New motion" })).toBeFocused();
  await expect(page.getByRole("link", { name: "Documents", exact: true })).toHaveAttribute(
    "href",
    "#documents-heading",
  );
  await page.getByLabel("Title").fill("Our class debates on Fridays");
  await page.getByRole("button", { name: "Create motion" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Our class debates on Fridays" }),
  ).toBeVisible();
  // Its breadcrumb leads back to the space's motions.
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link")).toHaveText(
    "Grade 11 Seminar: motions",
  );
  await expect(
    page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link"),
  ).toHaveAttribute("href", `${spacePath}#motions-heading`);

  await page.goto("/");
  const titles = page.locator(".card-title a[href^='/motions/']");
  await expect(titles.first()).toHaveText("Our class debates on Fridays");
  expect(await titles.count()).toBeGreaterThan(1);
});

test("a space or motion sent with no answer keeps the form as it was and says so; sent again, it is made once", async ({
  page,
  context,
}) => {
  await new SignUpPage(page).signUp({
    name: "Ms Olsen",
    email: `olsen-${Date.now()}@school.test`,
    password: "a long enough password",
  });
  await page.goto("/spaces");
  const name = page.getByLabel("Name");
  const create = page.getByRole("button", { name: "Create space" });
  const problem = page
    .getByRole("alert")
    .filter({ hasText: "That was not sent, or its answer was lost" });

  // Offline: nothing reaches the server, and the page stays, with what was typed.
  await name.fill("Year 9 Ethics");
  await context.setOffline(true);
  await create.click();
  await expect(problem).toBeVisible();
  await expect(problem).toBeFocused();
  await expect(name).toHaveValue("Year 9 Ethics");
  await page.setViewportSize(phone);
  await name.scrollIntoViewIfNeeded();
  await expectFits(page, "create-space-unanswered", "phone");
  await context.setOffline(false);
  await create.click();
  await expect(page.getByRole("heading", { level: 1, name: "Year 9 Ethics" })).toBeVisible();

  // The server makes the motion but its answer is lost on the way back: sent again, the page
  // lands on that motion, and the space holds one.
  const spacePath = new URL(page.url()).pathname;
  await page.getByLabel("Title").fill("Lying is sometimes right");
  await page.getByLabel("Description").fill("Kant against the murderer at the door.");
  await page.route(`**${spacePath}`, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    await route.fetch();
    await route.abort("connectionreset");
  });
  await page.getByRole("button", { name: "Create motion" }).click();
  await expect(problem).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("Lying is sometimes right");
  await expect(page.getByLabel("Description")).toHaveValue(
    "Kant against the murderer at the door.",
  );
  await page.unroute(`**${spacePath}`);
  await page.getByRole("button", { name: "Create motion" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lying is sometimes right");
  const motionPath = new URL(page.url()).pathname;
  await page.goto(spacePath);
  const motions = new SpacePage(page).motions();
  await expect(motions).toHaveText(["Lying is sometimes right"]);
  await expect(page.getByRole("link", { name: "Lying is sometimes right" })).toHaveAttribute(
    "href",
    motionPath,
  );
});
