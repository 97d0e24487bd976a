import { type Browser, expect, test } from "@playwright/test";
import {
  AccountPage,
  JoinPage,
  SignInPage,
  SignUpPage,
  SpacePage,
  teacherOpensMotion,
} from "./pages";
import { InstitutionSignIn, institution } from "./pages/institution";

// Signing in with the institution's OpenID Connect provider: a real provider
// (tests/support/oidcProvider.ts) that playwright.config.ts starts before Moot.

async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

test("Auth.js lists the institution's provider at /api/auth/providers", async ({ request }) => {
  const providers = await (await request.get("/api/auth/providers")).json();
  expect(providers.oidc).toMatchObject({ id: "oidc", name: institution, type: "oidc" });
  expect(providers.credentials).toMatchObject({ id: "credentials" });
});

test("a new person signs in with the institution, lands where they started, and has an account named from it", async ({
  page,
}) => {
  await page.goto("/signin?callbackUrl=%2Finbox");
  const institutionSignIn = new InstitutionSignIn(page);
  await expect(institutionSignIn.button()).toBeVisible();
  await institutionSignIn.signInAs("grace");

  await expect(page).toHaveURL(/\/inbox$/);
  const account = new AccountPage(page);
  await account.openFromMenu();
  await expect(account.fact("Name")).toHaveText("Grace Hopper");
  await expect(account.fact("Email")).toHaveText("grace@school.test");
  await expect(page.getByText(`You can sign in with ${institution} as well`)).toBeVisible();

  // The sign-in started a session like any other: signing out everywhere ends it.
  await expect(page.getByText("You are signed in on 1 browser or device")).toBeVisible();
  await account.signOutEverywhere().click();
  // Signed out once the page says so: leaving it sooner could cut the sign-out short.
  await expect(page.getByRole("banner")).toContainText("Sign in");
  await page.goto("/account");
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  await expect(page.getByText("to see your account")).toBeVisible();
});

test("a password account with the same verified email is the one the institution signs into", async ({
  page,
  browser,
}) => {
  await new SignUpPage(page).signUp({
    name: "Ada Lovelace",
    email: "ada@school.test",
    password: "adas long password",
  });

  const elsewhere = await freshPage(browser);
  await elsewhere.goto("/signin");
  await new InstitutionSignIn(elsewhere).signInAs("ada");
  await expect(elsewhere.getByRole("heading", { level: 1, name: "Spaces" })).toBeVisible();
  const account = new AccountPage(elsewhere);
  await account.openFromMenu();
  await expect(account.fact("Name")).toHaveText("Ada Lovelace");
  await expect(account.fact("Email")).toHaveText("ada@school.test");
  await expect(elsewhere.getByText("You are signed in on 2 browsers or devices")).toBeVisible();
});

test("a member links the institution's sign-in from their account page, and then either way signs them in", async ({
  page,
  browser,
}) => {
  await new SignUpPage(page).signUp({
    name: "Linus Pauling",
    email: "linus@home.test",
    password: "linus long password",
  });
  const account = new AccountPage(page);
  await account.openFromMenu();
  const link = page.getByRole("button", { name: `Link ${institution} sign-in` });
  await link.focus();
  await expect(link).toBeFocused();
  await new InstitutionSignIn(page).linkAs("linus");
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(`You can sign in with ${institution} as well`)).toBeVisible();

  const withInstitution = await freshPage(browser);
  await withInstitution.goto("/signin?callbackUrl=%2Faccount");
  await new InstitutionSignIn(withInstitution).signInAs("linus");
  await expect(withInstitution).toHaveURL(/\/account$/);
  const there = new AccountPage(withInstitution);
  await expect(there.fact("Name")).toHaveText("Linus Pauling");
  await expect(there.fact("Email")).toHaveText("linus@home.test");

  const withPassword = await freshPage(browser);
  await new SignInPage(withPassword).signIn("linus@home.test", "linus long password");
  await expect(withPassword.getByRole("heading", { level: 1, name: "Spaces" })).toBeVisible();
  await withPassword.goto("/account");
  await expect(new AccountPage(withPassword).fact("Name")).toHaveText("Linus Pauling");
});

test("an email the institution has not verified does not sign into the account that has it", async ({
  page,
  browser,
}) => {
  await new SignUpPage(page).signUp({
    name: "Bea",
    email: "bea@school.test",
    password: "beas long password",
  });

  const intruder = await freshPage(browser);
  await intruder.goto("/signin?callbackUrl=%2Faccount");
  await new InstitutionSignIn(intruder).signInAs("mallory");
  await expect(intruder).toHaveURL(/\/signin\?/);
  const problem = new SignInPage(intruder).problem();
  await expect(problem).toContainText("your institution has not verified the email");
  await expect(problem).toContainText("Sign in with your password");
  await intruder.goto("/account");
  await expect(intruder.getByText("to see your account")).toBeVisible();
});

test("a sign-in cancelled at the institution says so, and the next try still returns to where it started", async ({
  page,
}) => {
  await page.goto("/signin?callbackUrl=%2Finbox");
  const institutionSignIn = new InstitutionSignIn(page);
  await institutionSignIn.cancelAtProvider();
  await expect(page).toHaveURL(/\/signin\?/);
  await expect(new SignInPage(page).problem()).toContainText(
    `Signing in with ${institution} did not work`,
  );

  await institutionSignIn.signInAs("olga");
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole("banner")).toContainText("Olga Petrova");
});

test("a guest who signs in with the institution becomes the institution's member, listed without the guest mark", async ({
  page,
  browser,
}) => {
  const teacher = await freshPage(browser);
  const { code } = await teacherOpensMotion(
    teacher,
    { name: "Tess Teacher", email: "tess@school.test", password: "tess long password" },
    "Northfield debate club",
    "Homework should be optional",
  );
  await new JoinPage(page).joinAsGuest(code, "Guest Nia");
  await expect(
    page.getByRole("heading", { level: 1, name: "Northfield debate club" }),
  ).toBeVisible();

  await page.goto("/signin");
  await new InstitutionSignIn(page).signInAs("nia");
  await expect(page.getByRole("heading", { level: 1, name: "Spaces" })).toBeVisible();
  const account = new AccountPage(page);
  await account.openFromMenu();
  await expect(account.fact("Name")).toHaveText("Nia Okafor");
  await expect(account.fact("Guest of")).toHaveCount(0);

  await page.goto("/join");
  await page.getByLabel("Join code").fill(code);
  await page.getByRole("button", { name: "Join" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Northfield debate club" }),
  ).toBeVisible();
  await teacher.goto(page.url());
  const members = new SpacePage(teacher).members();
  await expect(members.filter({ hasText: "Nia Okafor" })).not.toContainText("guest");
  await expect(members.filter({ hasText: "Guest Nia" })).toContainText("guest");
});
