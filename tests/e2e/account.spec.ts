import { type Browser, expect, test } from "@playwright/test";
import {
  AccountPage,
  LiveMotionPage,
  SignInPage,
  SignUpPage,
  seriousViolations,
  teacherOpensMotion,
} from "./pages";

type Student = { name: string; email: string; password: string };

// A member leaves with their data: the file they download holds what they wrote, and once they
// delete the account they are signed out for good while their argument stays, by "Deleted member".

/**
 * A teacher's motion with a student's argument in it, each in a browser context of their own:
 * the student's page is on the debate, and the teacher's open on it too.
 */
async function studentArguesBeforeTeacher(browser: Browser, title: string, student: Student) {
  const stamp = Date.now();
  const teacherContext = await browser.newContext();
  const teacherPage = await teacherContext.newPage();
  const { code, motionPath } = await teacherOpensMotion(
    teacherPage,
    { name: "Tess Teacher", email: `tess-${stamp}@school.test`, password: "tess's long password" },
    title,
    "Pupils may take their work with them",
  );
  const studentContext = await browser.newContext({ acceptDownloads: true });
  const page = await studentContext.newPage();
  await new SignUpPage(page).signUp(student);
  await page.goto(`/join?code=${encodeURIComponent(code)}`);
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.goto(motionPath);
  await expect(page.getByText("Connecting…")).toHaveCount(0);
  const words = "My essays are mine to keep.";
  const studentMotion = new LiveMotionPage(page);
  await studentMotion.post("For the motion", words);
  await expect(studentMotion.argument(words)).toContainText(student.name);

  // The teacher watches the debate meanwhile.
  await teacherPage.goto(motionPath);
  const teacherMotion = new LiveMotionPage(teacherPage);
  await expect(teacherMotion.argument(words)).toContainText(student.name);
  const close = async () => {
    await teacherContext.close();
    await studentContext.close();
  };
  return { page, teacherPage, teacherMotion, studentMotion, words, close };
}

test("a member downloads their data, deletes the account by typing the confirmation, and their argument reads 'Deleted member'", async ({
  browser,
}) => {
  const stamp = Date.now();
  const student = {
    name: "Lena Leaving",
    email: `lena-${stamp}@school.test`,
    password: "lena's long password",
  };
  const { page, teacherPage, teacherMotion, words, close } = await studentArguesBeforeTeacher(
    browser,
    "Leaving with one's work",
    student,
  );

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
  await close();
});

test("P-LIVE-7: a member changes their name from the keyboard, and the teacher's open debate names their argument anew at once", async ({
  browser,
}) => {
  const stamp = Date.now();
  const student = {
    name: "Nina Nickname",
    email: `nina-${stamp}@school.test`,
    password: "nina's long password",
  };
  const { page, teacherMotion, studentMotion, words, close } = await studentArguesBeforeTeacher(
    browser,
    "Names that change",
    student,
  );
  const account = new AccountPage(page);
  await account.openFromMenu();
  const field = page.getByRole("textbox", { name: "Name", exact: true });
  await expect(field).toHaveValue(student.name);

  // Refused: said at the top of the form, which takes the focus; nothing changes.
  await field.focus();
  await field.fill("   ");
  await page.keyboard.press("Enter");
  const refused = page.getByRole("alert").filter({ hasText: "Name is empty" });
  await expect(refused).toBeFocused();
  await expect(account.fact("Name")).toHaveText(student.name);

  await field.focus();
  await field.fill("Nina Okonkwo");
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("status").filter({ hasText: "Your name is now “Nina Okonkwo”." }),
  ).toBeVisible();
  await expect(account.fact("Name")).toHaveText("Nina Okonkwo");
  await expect(field).toBeFocused();
  await expect(field).toHaveValue("Nina Okonkwo");
  await expect(
    page.getByRole("banner").getByRole("link", { name: "Your account: Nina Okonkwo" }),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The teacher's page, open all along, names the argument anew without a reload.
  await expect(teacherMotion.argument(words)).toContainText("Nina Okonkwo");
  await expect(teacherMotion.argument(words)).not.toContainText("Nickname");
  await page.goBack();
  await expect(studentMotion.argument(words)).toContainText("Nina Okonkwo");
  await close();
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
