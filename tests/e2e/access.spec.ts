import { expect, test } from "@playwright/test";
import {
  JoinPage,
  problemOn,
  SignInPage,
  SignUpPage,
  SpacePage,
  SpacesPage,
  seriousViolations,
  teacherWithGuest,
} from "./pages";

test("a teacher opens a space, a student joins it with the code, and a stranger cannot find it", async ({
  browser,
}) => {
  const teacher = await browser.newContext();
  const student = await browser.newContext();
  const stranger = await browser.newContext();
  const teacherPage = await teacher.newPage();

  await new SignUpPage(teacherPage).signUp({
    name: "Ms Okafor",
    email: `okafor-${Date.now()}@school.test`,
    password: "a long enough password",
  });
  expect(await seriousViolations(teacherPage)).toEqual([]);
  const space = await new SpacesPage(teacherPage).createSpace("Year 11 Politics");
  const spaceUrl = teacherPage.url();
  await expect(space.joinCode()).toHaveText(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  const code = (await space.joinCode().textContent()) ?? "";
  await expect(space.members()).toHaveCount(1);
  expect(await seriousViolations(teacherPage)).toEqual([]);

  const studentPage = await student.newPage();
  await new JoinPage(studentPage).joinAsGuest(code.toLowerCase(), "Sam");
  await expect(
    studentPage.getByRole("heading", { level: 1, name: "Year 11 Politics" }),
  ).toBeVisible();
  await expect(studentPage).toHaveURL(spaceUrl);
  await expect(studentPage.getByRole("banner")).toContainText("Sam (guest)");
  await expect(new SpacePage(studentPage).joinCode()).toHaveCount(0);
  expect(await seriousViolations(studentPage)).toEqual([]);

  await teacherPage.reload();
  await expect(space.members()).toHaveCount(2);
  await expect(space.members().nth(1)).toContainText("Sam");
  await expect(space.members().nth(1)).toContainText("guest");

  const strangerPage = await stranger.newPage();
  const response = await strangerPage.goto(spaceUrl);
  expect(response?.status()).toBe(404);
  await expect(strangerPage.getByRole("heading", { level: 1 })).not.toHaveText("Year 11 Politics");
  await strangerPage.goto("/spaces");
  await expect(strangerPage.getByRole("main")).not.toContainText("Year 11 Politics");
  const api = await strangerPage.request.get(spaceUrl.replace("/spaces/", "/api/spaces/"));
  expect(api.status()).toBe(404);

  for (const context of [teacher, student, stranger]) await context.close();
});

test("a teacher's moderator creates a motion that the space's students see", async ({
  browser,
}) => {
  const teacher = await browser.newContext();
  const student = await browser.newContext();
  const teacherPage = await teacher.newPage();
  await new SignUpPage(teacherPage).signUp({
    name: "Mr Berg",
    email: `berg-${Date.now()}@school.test`,
    password: "another long password",
  });
  const space = await new SpacesPage(teacherPage).createSpace("Seminar B");
  const code = (await space.joinCode().textContent()) ?? "";

  await teacherPage.getByLabel("Title").fill("Small states gain most from balancing");
  await teacherPage.getByRole("button", { name: "Create motion" }).click();
  await expect(teacherPage.getByRole("heading", { level: 1 })).toHaveText(
    "Small states gain most from balancing",
  );

  const studentPage = await student.newPage();
  await new JoinPage(studentPage).joinAsGuest(code, "Ana");
  await expect(new SpacePage(studentPage).motions()).toHaveText([
    "Small states gain most from balancing",
  ]);
  await expect(studentPage.getByRole("button", { name: "Create motion" })).toHaveCount(0);

  // A space without documents debates without citations, live as anywhere else.
  await studentPage.getByRole("link", { name: "Small states gain most from balancing" }).click();
  await expect(studentPage.getByText("Connecting…")).toHaveCount(0);
  await studentPage.getByRole("radio", { name: "Against the motion" }).check();
  await studentPage.getByLabel("Argument", { exact: true }).fill("Balancing needs leverage.");
  await studentPage.getByRole("button", { name: "Post" }).click();
  await expect(teacherPage.getByRole("region", { name: "Against the motion" })).toContainText(
    "Balancing needs leverage.",
  );
  for (const context of [teacher, student]) await context.close();
});

test("sign-in and sign-out work with the account's password and only with it", async ({ page }) => {
  const email = `rivera-${Date.now()}@school.test`;
  await new SignUpPage(page).signUp({ name: "Dr Rivera", email, password: "correct password 1" });
  await page.goto("/signout");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner")).toContainText("Sign in");

  const signIn = new SignInPage(page);
  await signIn.signIn(email, "not the password");
  await expect(signIn.problem()).toHaveText(/Email or password is wrong/);
  expect(await seriousViolations(page)).toEqual([]);
  await signIn.signIn(email, "correct password 1");
  await expect(page.getByRole("heading", { level: 1, name: "Spaces" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Dr Rivera");
});

test("a wrong join code says so and lets the student try again, what they typed kept", async ({
  page,
}) => {
  await new JoinPage(page).joinAsGuest("ZZZZ-ZZZZ", "Lee");
  await expect(problemOn(page)).toContainText("No space has that join code");
  await expect(page.getByLabel("Join code")).toHaveValue("ZZZZ-ZZZZ");
  await expect(page.getByLabel("Your name")).toHaveValue("Lee");
  // A join link's "Sign in first" comes back to the link, its code in it.
  await page.goto("/join?code=ABCD-2345");
  await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fjoin%3Fcode%3DABCD-2345$/);
});

test("a join code mistyped, or one with letters no code has, is told in a sentence that names the field", async ({
  page,
}) => {
  await new JoinPage(page).joinAsGuest("K7QM-2XP", "Lee");
  await expect(problemOn(page).locator("li")).toHaveText([
    "Join code must have 8 letters and digits.",
  ]);
  await new JoinPage(page).joinAsGuest("K7QM-2XPDA", "Lee");
  await expect(problemOn(page).locator("li")).toHaveText([
    "Join code must have 8 letters and digits.",
  ]);
  await new JoinPage(page).joinAsGuest("K7QM-1XPO", "Lee");
  await expect(problemOn(page).locator("li")).toHaveText([
    "Join code has a character no join code uses (codes leave out 0, 1, I, L and O).",
  ]);
});

test("a guest who tries a second space's code is told, in one sentence, to create an account", async ({
  browser,
}) => {
  const teachers = await browser.newContext();
  const teacher = await teachers.newPage();
  await new SignUpPage(teacher).signUp({
    name: "Ms Okafor",
    email: `okafor-${Date.now()}@school.test`,
    password: "okafor's long password",
  });
  const first = await new SpacesPage(teacher).createSpace("Period 1");
  const firstCode = (await first.joinCode().textContent()) ?? "";
  await teacher.goto("/spaces");
  const second = await new SpacesPage(teacher).createSpace("Period 2");
  const secondCode = (await second.joinCode().textContent()) ?? "";

  const student = await browser.newPage();
  await new JoinPage(student).joinAsGuest(firstCode, "Ada");
  await expect(student.getByRole("heading", { level: 1, name: "Period 1" })).toBeVisible();
  await student.goto("/join");
  await student.getByLabel("Join code").fill(secondCode);
  await student.getByRole("button", { name: "Join" }).click();
  await expect(problemOn(student).getByRole("heading")).toHaveText("There is a problem");
  await expect(problemOn(student).locator("li")).toHaveText([
    "A guest takes part in one space; create an account to join another.",
  ]);
  await student.close();
  await teachers.close();
});

test("a student leaves a space they joined, and its last owner is told to hand it on first", async ({
  browser,
}) => {
  const teachers = await browser.newContext();
  const teacher = await teachers.newPage();
  await new SignUpPage(teacher).signUp({
    name: "Mr Haddad",
    email: `haddad-${Date.now()}@school.test`,
    password: "haddad's long password",
  });
  const space = await new SpacesPage(teacher).createSpace("Wrong class");
  const spacePath = new URL(teacher.url()).pathname;
  const code = (await space.joinCode().textContent()) ?? "";

  const students = await browser.newContext();
  const student = await students.newPage();
  await new JoinPage(student).joinAsGuest(code, "Noor");
  await expect(student.getByRole("heading", { level: 1, name: "Wrong class" })).toBeVisible();
  const leave = student.getByRole("button", { name: "Leave this space" });
  await leave.focus();
  await student.keyboard.press("Enter");
  await expect(student.getByRole("heading", { level: 1, name: "Spaces" })).toBeVisible();
  await expect(student.getByRole("region", { name: "Your spaces" })).not.toContainText(
    "Wrong class",
  );
  await student.goto(spacePath);
  await expect(student.getByRole("heading", { level: 1, name: "Wrong class" })).toHaveCount(0);

  await teacher.reload();
  await expect(space.members()).toHaveText([/^Mr Haddad \(you\)/]);
  await teacher.getByRole("button", { name: "Leave this space" }).click();
  await expect(problemOn(teacher).locator("li")).toHaveText([
    "A space needs an owner: make someone else owner before you leave.",
  ]);
  await expect(teacher.getByRole("heading", { level: 1, name: "Wrong class" })).toBeVisible();
  await students.close();
  await teachers.close();
});

test("the owner replaces the join code and switches joining off by keyboard, the focus staying on the panel's buttons, and the old code stops working", async ({
  browser,
}) => {
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  await new SignUpPage(ownerPage).signUp({
    name: "Prof Lind",
    email: `lind-${Date.now()}@school.test`,
    password: "lind's long password",
  });
  const space = await new SpacesPage(ownerPage).createSpace("Evening seminar");
  const first = (await space.joinCode().textContent()) ?? "";
  const button = (name: string) => ownerPage.getByRole("button", { name });
  // Each press leaves the focus on the panel's buttons, where the next one is, not at the top.
  await button("New code").focus();
  await ownerPage.keyboard.press("Enter");
  await expect(space.joinCode()).not.toHaveText(first);
  const replaced = ownerPage.getByText("A new join code is in place.");
  await expect(replaced).toBeVisible();
  await expect(button("New code")).toBeFocused();
  const second = (await space.joinCode().textContent()) ?? "";

  const late = await browser.newContext();
  const latePage = await late.newPage();
  await new JoinPage(latePage).joinAsGuest(first, "Late");
  await expect(problemOn(latePage)).toContainText("No space has that join code");

  await ownerPage.keyboard.press("Tab");
  await expect(button("Switch joining off")).toBeFocused();
  await ownerPage.keyboard.press("Enter");
  await expect(ownerPage.getByText("Joining by code is off.")).toBeVisible();
  await expect(button("Switch joining on")).toBeFocused();
  // What the panel said of the code replaced before is not left beside it.
  await expect(replaced).toHaveCount(0);
  await new JoinPage(latePage).joinAsGuest(second, "Late");
  await expect(problemOn(latePage)).toContainText("No space has that join code");

  // Switched on again: a new code, and the panel no longer says joining is off.
  await ownerPage.keyboard.press("Enter");
  await expect(space.joinCode()).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await expect(button("New code")).toBeFocused();
  await expect(ownerPage.getByText("Joining by code is off.")).toHaveCount(0);
  for (const context of [owner, late]) await context.close();
});

test("a moderator makes a student an observer, and the student can no longer post", async ({
  browser,
}) => {
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  await new SignUpPage(ownerPage).signUp({
    name: "Dr Aziz",
    email: `aziz-${Date.now()}@school.test`,
    password: "aziz's long password",
  });
  const space = await new SpacesPage(ownerPage).createSpace("Debate club");
  const code = (await space.joinCode().textContent()) ?? "";
  const student = await browser.newContext();
  const studentPage = await student.newPage();
  await new JoinPage(studentPage).joinAsGuest(code, "Noor");
  await expect(studentPage.getByRole("heading", { level: 1, name: "Debate club" })).toBeVisible();
  const spaceId = new URL(studentPage.url()).pathname.split("/").pop();
  const before = await (await studentPage.request.get(`/api/spaces/${spaceId}`)).json();
  expect(before.can.post).toBe(true);

  await ownerPage.reload();
  await ownerPage.getByLabel("Role of Noor").selectOption("observer");
  await space.members().nth(1).getByRole("button", { name: "Save" }).click();
  await expect(ownerPage.getByText("Role changed.")).toBeVisible();
  await expect(space.members().nth(1)).toContainText("Observer");

  const after = await (await studentPage.request.get(`/api/spaces/${spaceId}`)).json();
  expect(after).toMatchObject({ role: "observer", can: { post: false } });
  for (const context of [owner, student]) await context.close();
});

test("a teacher removes a student from the space by keyboard, and the focus goes to the members' heading", async ({
  browser,
}) => {
  const { teacher, spacePath, close } = await teacherWithGuest(browser, {
    teacher: "Ms Berik",
    space: "Chess club",
    motion: "Speed chess teaches more than slow chess",
    guest: "Arman",
  });
  await teacher.goto(spacePath);
  const members = new SpacePage(teacher).members();
  await expect(members).toHaveCount(2);
  const role = teacher.getByLabel("Role of Arman");
  await role.focus();
  await role.selectOption("removed");
  await teacher.keyboard.press("Tab");
  await expect(members.nth(1).getByRole("button", { name: "Save" })).toBeFocused();
  await teacher.keyboard.press("Enter");
  // The row went with the button that removed it: the focus is on what says so.
  const heading = teacher.getByRole("heading", { level: 2, name: "Members (1)" });
  await expect(heading).toBeVisible();
  await expect(members).toHaveText([/^Ms Berik \(you\)/]);
  await expect(heading).toBeFocused();
  await close();
});

test("a guest turns the guest identity into an account and stays in the space", async ({
  browser,
}) => {
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  await new SignUpPage(ownerPage).signUp({
    name: "Ms Diaz",
    email: `diaz-${Date.now()}@school.test`,
    password: "diaz's long password",
  });
  const space = await new SpacesPage(ownerPage).createSpace("History 9");
  const code = (await space.joinCode().textContent()) ?? "";

  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await new JoinPage(guestPage).joinAsGuest(code, "Eli");
  await expect(guestPage.getByRole("banner")).toContainText("Eli (guest)");
  await guestPage.getByRole("link", { name: "Create account" }).click();
  await expect(guestPage.getByLabel("Name")).toHaveValue("Eli");
  await guestPage.getByLabel("Email").fill(`eli-${Date.now()}@school.test`);
  await guestPage.getByLabel("Password").fill("eli's new password");
  await guestPage.getByRole("button", { name: "Create account" }).click();
  // Back on the space the header's link was followed from, now as an account.
  await expect(guestPage.getByRole("heading", { level: 1, name: "History 9" })).toBeVisible();
  await expect(guestPage.getByRole("banner")).not.toContainText("(guest)");
  await guestPage.goto("/spaces");
  await expect(guestPage.getByRole("link", { name: "History 9" })).toBeVisible();

  await ownerPage.reload();
  await expect(space.members()).toHaveCount(2);
  await expect(space.members().nth(1)).toContainText("Eli");
  await expect(space.members().nth(1)).not.toContainText("guest");
  for (const context of [owner, guest]) await context.close();
});

test("a teacher moderates live: hides a post with a reason its author is told, spotlights and pins another, and locks the motion", async ({
  browser,
}) => {
  const teacher = await browser.newContext();
  const teacherPage = await teacher.newPage();
  await new SignUpPage(teacherPage).signUp({
    name: "Ms Kaya",
    email: `kaya-${Date.now()}@school.test`,
    password: "kaya's long password",
  });
  const space = await new SpacesPage(teacherPage).createSpace("Debate 10B");
  const code = (await space.joinCode().textContent()) ?? "";
  await teacherPage.getByLabel("Title").fill("Homework should be optional");
  await teacherPage.getByRole("button", { name: "Create motion" }).click();
  await expect(teacherPage.getByRole("heading", { level: 1 })).toHaveText(
    "Homework should be optional",
  );
  await expect(teacherPage.getByText("Connecting…")).toHaveCount(0);

  const student = await browser.newContext();
  const studentPage = await student.newPage();
  await new JoinPage(studentPage).joinAsGuest(code, "Ravi");
  await studentPage.getByRole("link", { name: "Homework should be optional" }).click();
  await expect(studentPage.getByText("Connecting…")).toHaveCount(0);
  for (const body of ["Homework is pointless.", "Practice at home builds fluency."]) {
    await studentPage
      .getByRole("radio", {
        name: body.startsWith("Practice") ? "Against the motion" : "For the motion",
      })
      .check();
    await studentPage.getByLabel("Argument", { exact: true }).fill(body);
    await studentPage.getByRole("button", { name: "Post" }).click();
    await expect(teacherPage.getByText(body)).toBeVisible();
  }

  const rude = teacherPage.locator("li.argument").filter({ hasText: "Homework is pointless." });
  await rude.getByRole("button", { name: "Hide…" }).click();
  await teacherPage.getByLabel("Why hide it?").fill("Give a reason, not a verdict");
  await rude.getByRole("button", { name: "Hide", exact: true }).click();
  await expect(studentPage.getByText("Homework is pointless.")).toHaveCount(0);
  await expect(rude).toContainText("hidden from participants");
  // Its author hears it went, and why.
  const inbox = await (await studentPage.request.get("/api/me/notifications")).json();
  expect(inbox).toMatchObject([{ type: "hidden", reason: "Give a reason, not a verdict" }]);

  const good = teacherPage
    .locator("li.argument")
    .filter({ hasText: "Practice at home builds fluency." });
  await good.getByRole("button", { name: "Spotlight" }).click();
  await expect(studentPage.getByRole("complementary", { name: "In the spotlight" })).toContainText(
    "Practice at home builds fluency.",
  );
  // Pinned, it says so to the room too.
  await good.getByRole("button", { name: "Pin", exact: true }).click();
  await expect(
    studentPage
      .locator("li.argument")
      .filter({ hasText: "Practice at home builds fluency." })
      .locator(":scope > article > p.meta"),
  ).toContainText("pinned");

  await expect(studentPage.locator(".motion-bar .badge")).toHaveText("Open");
  await teacherPage.getByRole("button", { name: "Close the motion" }).click();
  await expect(studentPage.getByText(/This motion is closed/)).toBeVisible();
  // The badge at the top follows, on both pages.
  for (const page of [studentPage, teacherPage]) {
    await expect(page.locator(".motion-bar .badge")).toHaveText("Closed");
  }
  await expect(studentPage.getByRole("button", { name: "Post" })).toHaveCount(0);

  const log = await teacherPage.request.get(
    `${new URL(teacherPage.url()).pathname.replace("/motions/", "/api/motions/")}/moderation`,
  );
  expect((await log.json()).map((e: { type: string }) => e.type)).toEqual([
    "argument.hidden",
    "argument.spotlighted",
    "argument.pinned",
    "motion.locked",
  ]);
  for (const context of [teacher, student]) await context.close();
});

test("the projector view follows the room live: votes and their shift, the spotlight, the strongest arguments", async ({
  browser,
}) => {
  const teacher = await browser.newContext();
  const teacherPage = await teacher.newPage();
  await new SignUpPage(teacherPage).signUp({
    name: "Mr Ode",
    email: `ode-${Date.now()}@school.test`,
    password: "ode's long password",
  });
  const space = await new SpacesPage(teacherPage).createSpace("Civics 12");
  const code = (await space.joinCode().textContent()) ?? "";
  await teacherPage.getByLabel("Title").fill("Voting should be compulsory");
  await teacherPage.getByRole("button", { name: "Create motion" }).click();
  await expect(teacherPage.getByRole("heading", { level: 1 })).toHaveText(
    "Voting should be compulsory",
  );
  await expect(teacherPage.getByText("Connecting…")).toHaveCount(0);
  const motionPath = new URL(teacherPage.url()).pathname;

  const projector = await teacher.newPage();
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.goto(`${motionPath}/projector`);
  await expect(projector.getByRole("heading", { level: 1 })).toHaveText(
    "Voting should be compulsory",
  );
  await expect(projector.getByTestId("projector-vote-note")).toHaveText([
    "Vote before the debate not taken yet",
    "Vote after the debate not taken yet",
  ]);

  const student = await browser.newContext();
  const studentPage = await student.newPage();
  await new JoinPage(studentPage).joinAsGuest(code, "Lina");
  await expect(studentPage.getByRole("heading", { level: 1, name: "Civics 12" })).toBeVisible();
  await studentPage.goto(motionPath);
  await expect(studentPage.getByText("Connecting…")).toHaveCount(0);
  await studentPage
    .getByRole("group", { name: "Your vote before the debate" })
    .getByRole("radio", { name: "Against" })
    .check();
  await studentPage
    .getByRole("group", { name: "Your vote after the debate" })
    .getByRole("radio", { name: "For" })
    .check();
  await expect(projector.getByTestId("projector-shift")).toHaveText("Support rose 100 points");

  await studentPage.getByRole("radio", { name: "For the motion" }).check();
  await studentPage.getByLabel("Argument", { exact: true }).fill("Turnout makes mandates real.");
  await studentPage.getByRole("button", { name: "Post" }).click();
  const posted = teacherPage
    .locator("li.argument")
    .filter({ hasText: "Turnout makes mandates real." });
  await posted.getByLabel("Your rating").selectOption("4");
  await posted.getByRole("button", { name: "Spotlight" }).click();
  await expect(projector.getByRole("region", { name: "In the spotlight" })).toContainText(
    "Turnout makes mandates real.",
  );
  await expect(projector.getByRole("region", { name: "Strongest for the motion" })).toContainText(
    "Turnout makes mandates real. (Decisive · 4.0 from 1 rating)",
  );
  expect(await seriousViolations(projector)).toEqual([]);
  await projector.screenshot({ path: "test-results/screens/projector-projector.png" });
  for (const context of [teacher, student]) await context.close();
});
