import { expect, test } from "@playwright/test";
import { resetLinkSent } from "../../lib/passwordReset";
import { catchMail, type MailCatcher, resetLinkIn } from "../support/mailServer";
import { problemOn, SignInPage, SignUpPage, seriousViolations } from "./pages";
import { expectFits, phone } from "./pages/screens";
import { e2eMailPort } from "./ports";

// The e2e server mails through SMTP_URL to this port (playwright.config.ts): a real SMTP server
// here catches what it sends.
let mail: MailCatcher;
test.beforeAll(async () => {
  mail = await catchMail(e2eMailPort);
});
test.afterAll(async () => {
  await mail?.close();
});

test("on a phone, by keyboard, a member who forgot their password gets a link by mail, sets a new one and signs in with it", async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize(phone);
  const name = "Fern Forgetful";
  const email = `fern-${Date.now()}@school.test`;
  const oldPassword = "the password fern forgot";
  const newPassword = "fern's brand new password";
  const header = page.getByRole("banner");

  await new SignUpPage(page).signUp({ name, email, password: oldPassword });
  await page.goto("/signout");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).focus();
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("heading", { level: 1, name: "Forgot your password?" }),
  ).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText(resetLinkSent);
  await expectFits(page, "forgot-password-sent", "phone");
  expect(await seriousViolations(page)).toEqual([]);

  const link = resetLinkIn(await mail.mailTo(email));
  expect(link.origin).toBe(new URL(baseURL ?? "").origin);
  await page.goto(link.href);
  await expect(
    page.getByRole("heading", { level: 1, name: "Choose a new password" }),
  ).toBeVisible();
  await expectFits(page, "reset-password", "phone");
  expect(await seriousViolations(page)).toEqual([]);

  // Two different passwords are refused, saying why, and the link still works.
  await page.getByLabel("New password").fill(newPassword);
  await page.getByLabel("The same password again").fill("something else entirely");
  await page.keyboard.press("Enter");
  await expect(problemOn(page)).toContainText("The two passwords differ");

  await page.getByLabel("New password").fill(newPassword);
  await page.getByLabel("The same password again").fill(newPassword);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Your password is set" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();

  const signIn = new SignInPage(page);
  await signIn.signIn(email, oldPassword);
  await expect(signIn.problem()).toContainText("Email or password is wrong.");
  await signIn.signIn(email, newPassword);
  await expect(header).toContainText(name);

  // The link worked once: opened again, it says so and offers a new one.
  await page.goto(link.href);
  await expect(
    page.getByRole("heading", { level: 1, name: "This link does not work" }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toBeVisible();
});

test("asking for an email nobody uses answers the same, and sends nothing", async ({ page }) => {
  const stamp = Date.now();
  const nobody = `nobody-${stamp}@school.test`;
  const somebody = `sam-${stamp}@school.test`;
  await new SignUpPage(page).signUp({
    name: "Sam Somebody",
    email: somebody,
    password: "sam's long password",
  });
  await page.goto("/signout");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  const askForLink = async (email: string) => {
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send me a link" }).click();
    await expect(page.getByRole("status")).toHaveText(resetLinkSent);
  };
  await askForLink(nobody);
  // A link asked for afterwards: once its mail is in, a mail to nobody would be in too.
  await askForLink(somebody);
  await mail.mailTo(somebody);
  expect(mail.mails.filter((m) => m.to.includes(nobody))).toEqual([]);
});
