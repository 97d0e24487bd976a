import { expect, test } from "@playwright/test";
import { JoinPage, LiveMotionPage, teacherOpensMotion } from "./pages";
import { classroomHost, e2ePort } from "./ports";

test("on the server's network address over http, not a secure context, a teacher signs up and opens a motion, and a student joins, votes and posts, seen live", async ({
  browser,
}) => {
  // As the room's phones and computers reach a laptop's server: by its address on the network,
  // over http.
  const overTheNetwork = { baseURL: `http://${classroomHost}:${e2ePort}` };
  const teacherContext = await browser.newContext(overTheNetwork);
  const studentContext = await browser.newContext(overTheNetwork);
  const teacher = await teacherContext.newPage();
  const { code, motionPath } = await teacherOpensMotion(
    teacher,
    {
      name: "Ms Lena Park",
      email: `park-${Date.now()}@school.test`,
      password: "park's long password",
    },
    "Physics 8",
    "Nuclear power is worth its waste",
  );

  const student = await studentContext.newPage();
  await new JoinPage(student).joinAsGuest(code, "Rui");
  await expect(student.getByRole("heading", { level: 1, name: "Physics 8" })).toBeVisible();
  // What the browser withholds from such a page: crypto.randomUUID, the clipboard.
  expect(await student.evaluate(() => window.isSecureContext)).toBe(false);
  await student.goto(motionPath);
  await expect(student.getByText("Connecting…")).toHaveCount(0);

  await student
    .getByRole("group", { name: "Your vote before the debate" })
    .getByRole("radio", { name: "For" })
    .check();
  await expect(teacher.getByTestId("tally-before-for")).toHaveText("1");
  await new LiveMotionPage(student).post("For the motion", "The waste of a lifetime fits a cask.");
  await expect(teacher.getByText("The waste of a lifetime fits a cask.")).toBeVisible();
  for (const context of [teacherContext, studentContext]) await context.close();
});
