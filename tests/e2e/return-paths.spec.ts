import { expect, type Page, test } from "@playwright/test";
import { problemOn, SignUpPage, seriousViolations } from "./pages";
import { expectFits, phone } from "./pages/screens";

const motionTitle = "Joining the Abraham Accords serves Kazakhstan";

/** Opens the demo library's motion from the motions list, as a reader finds it. */
async function openMotion(page: Page) {
  await page.goto("/");
  await page.getByRole("link", { name: motionTitle }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(motionTitle);
  return new URL(page.url()).pathname;
}

async function signOut(page: Page) {
  await page.goto("/signout");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
}

test("on a phone, a visitor signs up from a motion and later signs in from it, landing back on it each time", async ({
  page,
}) => {
  await page.setViewportSize(phone);
  const name = "Quinn Fromthemotion";
  const email = `quinn-${Date.now()}@school.test`;
  const password = "quinn's long password";
  const header = page.getByRole("banner");

  const motionPath = await openMotion(page);
  await header.getByRole("link", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(motionTitle);
  expect(new URL(page.url()).pathname).toBe(motionPath);
  await expect(header).toContainText(name);

  await signOut(page);
  await openMotion(page);
  await header.getByRole("link", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  // The way on to creating an account still leads back to the motion, not to the sign-in page.
  const toSignUp = `/signup?callbackUrl=${encodeURIComponent(motionPath)}`;
  await expect(header.getByRole("link", { name: "Sign up" })).toHaveAttribute("href", toSignUp);
  await expect(page.getByRole("link", { name: "Create one" })).toHaveAttribute("href", toSignUp);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(problemOn(page)).toContainText("Email or password is wrong.");
  // The focus moves to what went wrong, where a screen reader starts reading.
  await expect(problemOn(page)).toBeFocused();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page.getByLabel("Password")).toHaveValue("");
  expect(await seriousViolations(page)).toEqual([]);

  // The second try by keyboard: from the kept email, Tab to the password and Enter to send.
  await page.getByLabel("Email").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(motionTitle);
  expect(new URL(page.url()).pathname).toBe(motionPath);
  await expect(header).toContainText(name);
});

test("a refused sign-up keeps the name and email but not the password, and keeps where it returns to", async ({
  page,
}) => {
  const email = `rosa-${Date.now()}@school.test`;
  await new SignUpPage(page).signUp({
    name: "Rosa First",
    email,
    password: "rosa's long password",
  });
  await signOut(page);

  const motionPath = await openMotion(page);
  await page.getByRole("banner").getByRole("link", { name: "Sign up" }).click();
  await page.getByLabel("Name").fill("Rosa Again");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("another long password");
  await page.getByRole("button", { name: "Create account" }).click();
  // One problem, in one sentence, with the focus on it.
  await expect(problemOn(page).getByRole("listitem")).toHaveText([
    "Email belongs to an account already: sign in instead.",
  ]);
  await expect(problemOn(page)).toBeFocused();
  await expect(page.getByLabel("Name")).toHaveValue("Rosa Again");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page.getByRole("main").getByRole("link", { name: "Sign in" })).toHaveAttribute(
    "href",
    `/signin?callbackUrl=${encodeURIComponent(motionPath)}`,
  );
});

test("a callbackUrl naming another site lands on /spaces after signing in", async ({ page }) => {
  const email = `sam-${Date.now()}@school.test`;
  const password = "sam's long password";
  await new SignUpPage(page).signUp({ name: "Sam Staysonsite", email, password });
  for (const elsewhere of ["https://evil.test/x", "//evil.test"]) {
    await signOut(page);
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(elsewhere)}`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Spaces" })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe("/spaces");
  }
});

test("the header's Sign in and Sign up fit beside the rest on a phone and a laptop", async ({
  page,
}) => {
  await openMotion(page);
  const header = page.getByRole("banner");
  for (const [size, viewport] of Object.entries({
    phone,
    laptop: { width: 1366, height: 768 },
  })) {
    await page.setViewportSize(viewport);
    for (const name of ["Join with a code", "Sign in", "Sign up"]) {
      await expect(header.getByRole("link", { name })).toBeInViewport({ ratio: 1 });
    }
    await expectFits(page, "header-visitor", size);
    await header.screenshot({ path: `test-results/screens/header-visitor-only-${size}.png` });
  }
});
