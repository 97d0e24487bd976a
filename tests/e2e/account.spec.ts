import { expect, test } from "@playwright/test";
import {
  AccountPage,
  LiveMotionPage,
  SignInPage,
  SignUpPage,
  seriousViolations,
  teacherOpensMotion,
} from "./pages";

// A member leaves with their data: the file they download holds what they wrote, and once they
// delete the account they are signed out for good while their argument stays, by "Deleted member".

test("a member downloads their data, deletes the account by typing the confirmation, and their argument reads 'Deleted member'", async ({
  browser,
}) => {
  const stamp = Date.now();
  const teacherContext = await browser.newContext();
  const teacherPage = await teacherContext.newPage();
  const { code, motionPath } = await teacherOpensMotion(
    teacherPage,
    { name: "Tess Teacher", email: `tess-${stamp}@school.test`, password: "tess's long password" },
    "Leaving with one's work",
    "Pupils may take their work with them",
  );

  const student = {
    name: "Lena Leaving",
    email: `lena-${stamp}@school.test`,
    password: "lena's long password",
  };
  const studentContext = await browser.newContext({ acceptDownloads: true });
  const page = await studentContext.newPage();
  await new SignUpPage(page).signUp(student);
  await page.goto(`/join?code=${encodeURIComponent(code)}`);
  await page.getByRole("button", { name: "Join" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Leaving with one's work" }),
  ).toBeVisible();
  await page.goto(motionPath);
  await expect(page.getByText("Connecting…")).toHaveCount(0);
  const words = "My essays are mine to keep.";
  const studentMotion = new LiveMotionPage(page);
  await studentMotion.post("For the motion", words);
  await expect(studentMotion.argument(words)).toContainText("Lena Leaving");

  // The teacher watches the debate while the student leaves.
  await teacherPage.goto(motionPath);
  const teacherMotion = new LiveMotionPage(teacherPage);
  await expect(teacherMotion.argument(words)).toContainText("Lena Leaving");

  const account = new AccountPage(page);
  await account.openFromMenu();
  const file = await account.downloadData();
  expect(file.profile).toMatchObject({ name: student.name, email: student.email });
  expect(file.arguments).toEqual([expect.objectContaining({ body: words, relation: "for" })]);
  expect(JSON.stringify(file)).not.toContain("Tess Teacher");

  await expect(account.deleteButton()).toBeDisabled();
  await account.confirmDeletion("delete it", student.password);
  await expect(account.deleteButton()).toBeDisabled();
  await account.confirmDeletion(student.email, "not my password");
  await expect(account.deleteButton()).toBeEnabled();
  await account.deleteButton().click();
  const refused = page.getByRole("alert").filter({ hasText: "The password is wrong" });
  await expect(refused).toBeVisible();
  // The focus moves to what went wrong, rather than falling to the top of the page.
  await expect(refused).toBeFocused();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

  await account.confirmDeletion(student.email, student.password);
  await account.deleteButton().click();
  await expect(
    page.getByRole("status").filter({ hasText: "Your account is deleted" }),
  ).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/");
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  const signIn = new SignInPage(page);
  await signIn.signIn(student.email, student.password);
  await expect(signIn.problem()).toBeVisible();

  // The teacher's open page hears of it at once, and a fresh load says the same.
  await expect(teacherMotion.argument(words)).toContainText("Deleted member");
  await expect(teacherMotion.argument(words)).not.toContainText("Lena");
  await teacherPage.reload();
  await expect(teacherMotion.argument(words)).toContainText("Deleted member");
  await expect(teacherMotion.argument(words)).not.toContainText("Lena");

  await teacherContext.close();
  await studentContext.close();
});

test("the last owner of a space is told to hand it over before deleting the account", async ({
  page,
}) => {
  const stamp = Date.now();
  const owner = {
    name: "Olga Owner",
    email: `olga-${stamp}@school.test`,
    password: "olga's long password",
  };
  await teacherOpensMotion(page, owner, "Olga's seminar", "Owners hand over before leaving");
  const account = new AccountPage(page);
  await account.openFromMenu();
  await account.confirmDeletion(owner.email, owner.password);
  await account.deleteButton().click();
  await expect(page.getByRole("alert").filter({ hasText: `"Olga's seminar"` })).toBeVisible();
  await expect(account.fact("Name")).toHaveText(owner.name);
});
