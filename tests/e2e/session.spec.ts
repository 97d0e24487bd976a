import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import {
  JoinPage,
  LiveMotionPage,
  SignInPage,
  seriousViolations,
  teacherOpensMotion,
  teacherWithGuest,
} from "./pages";

// A whole structured debate in one room: the teacher on a laptop, two students on phones, and
// the projector, each in a browser of its own.

const motionTitle = "Cities should ban cars from their centres";

/** Seconds on a screen's clock ("4:05" is 245); null when it shows none. */
async function clockSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId("session-clock").first().textContent()) ?? "";
  const [minutes, seconds] = text.split(":").map(Number);
  return (minutes ?? 0) * 60 + (seconds ?? 0);
}

const phase = (page: Page) => page.locator(".session-phase").first();

test("a moderator runs a structured debate with two students and the projector, from the opening vote to the result", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const contexts: BrowserContext[] = [];
  const open = async (viewport?: { width: number; height: number }) => {
    const context = await browser.newContext(viewport ? { viewport } : {});
    contexts.push(context);
    return context.newPage();
  };
  const teacher = await open({ width: 1366, height: 900 });
  const login = { email: `ines-${Date.now()}@school.test`, password: "ines's long password" };
  const { code, motionPath } = await teacherOpensMotion(
    teacher,
    { name: "Ms Ines Duarte", ...login },
    "Geography 11",
    motionTitle,
  );

  const ada = await open({ width: 390, height: 844 });
  const ben = await open({ width: 390, height: 844 });
  for (const [page, name] of [
    [ada, "Ada Mensah"],
    [ben, "Ben Holt"],
  ] as const) {
    await new JoinPage(page).joinAsGuest(code, name);
    await expect(page.getByRole("heading", { level: 1, name: "Geography 11" })).toBeVisible();
    await page.goto(motionPath);
    await expect(page.getByText("Connecting…")).toHaveCount(0);
  }
  const projector = await open({ width: 1920, height: 1080 });
  await new SignInPage(projector).signIn(login.email, login.password);
  await expect(projector.getByRole("heading", { level: 1, name: "Spaces" })).toBeVisible();
  await projector.goto(`${motionPath}/projector`);
  await expect(projector.getByRole("heading", { level: 1 })).toHaveText(motionTitle);

  // The teacher sets the session up: the structured format, approval and anonymity.
  await teacher.getByLabel("Format").selectOption("oxford");
  await teacher.getByLabel(/Approve posts/).check();
  await teacher.getByLabel(/Anonymous/).check();
  for (const screen of [teacher, ada, ben, projector]) {
    await expect(phase(screen)).toHaveText("Waiting for the moderator to start the debate");
  }
  await teacher.getByText(/^Speakers/).click();
  await teacher.getByLabel("Ada Mensah").selectOption("for");
  await teacher.getByLabel("Ben Holt").selectOption("against");
  await expect(teacher.getByText("Speakers (2 assigned)")).toBeVisible();

  // Before the start the teacher sees each phase's length and sets the opening vote's (P-TIMER-3).
  await teacher.getByText(/^Phase lengths: Opening vote 2 min/).click();
  await teacher.getByLabel("Opening vote").fill("3");
  const saveLengths = teacher.getByRole("button", { name: "Save the phase lengths" });
  await saveLengths.focus();
  await teacher.keyboard.press("Enter");
  await expect(
    teacher.getByText(/^Phase lengths: Opening vote 3 min · Opening statements 5 min/),
  ).toBeVisible();
  // Saved from the keyboard, the focus is still on the button, not at the top of the page.
  await expect(saveLengths).toBeFocused();

  // Opening vote: every screen shows the same clock; only the vote before may be cast.
  await teacher.getByRole("button", { name: "Start the debate" }).click();
  for (const screen of [teacher, ada, ben, projector]) {
    await expect(phase(screen)).toHaveText("Opening vote");
  }
  const clocks = await Promise.all([ada, ben, projector].map(clockSeconds));
  expect(Math.max(...clocks) - Math.min(...clocks)).toBeLessThanOrEqual(1);
  // Three minutes, not the default two; each screen estimates the server's clock, within a second or two.
  expect(clocks[0]).toBeGreaterThan(150);
  expect(clocks[0]).toBeLessThanOrEqual(183);
  await expect(
    ada
      .getByRole("group", { name: "Your vote after the debate" })
      .getByRole("radio", { name: "For" }),
  ).toBeDisabled();
  await expect(ada.getByText("Opening vote: this phase is for voting, not posting.")).toBeVisible();
  // On their phones, without scrolling: the vote to cast and the side each speaks for.
  for (const [student, side] of [
    [ada, "for"],
    [ben, "against"],
  ] as const) {
    await expect(student.getByRole("button", { name: "Vote now" })).toBeInViewport();
    await expect(student.getByText(`You speak ${side} the motion`)).toBeInViewport();
  }
  await ben.screenshot({ path: "test-results/screens/session-vote-now-phone.png" });
  await ben.setViewportSize({ width: 1366, height: 768 });
  await expect(ben.getByRole("button", { name: "Vote now" })).toBeInViewport();
  await ben.screenshot({ path: "test-results/screens/session-vote-now-laptop.png" });
  await ben.setViewportSize({ width: 390, height: 844 });
  // The prompt takes the student to the vote itself.
  await ada.getByRole("button", { name: "Vote now" }).click();
  await expect(
    ada
      .getByRole("group", { name: "Your vote before the debate" })
      .getByRole("radio", { name: "For" }),
  ).toBeFocused();
  for (const student of [ada, ben]) {
    await student
      .getByRole("group", { name: "Your vote before the debate" })
      .getByRole("radio", { name: "Against" })
      .check();
    await expect(student.getByRole("button", { name: "Vote now" })).toHaveCount(0);
  }
  await expect(teacher.getByTestId("tally-before-against")).toHaveText("2");
  // The teacher runs the vote: the panel lets them vote too, but nothing prompts them to.
  await expect(teacher.getByRole("button", { name: "Vote now" })).toHaveCount(0);

  // The results so far, on the teacher's phone: the vote after is not taken yet, and says so
  // rather than read "0 (0%)"; the vote fits the phone, and a table that does not says it scrolls.
  const early = await teacher.context().newPage();
  await early.setViewportSize({ width: 390, height: 844 });
  await early.goto(`${motionPath}/results`);
  const tally = early.getByRole("region", { name: "Votes before and after" });
  await expect(tally.getByRole("row", { name: /^After the debate/ })).toHaveText(
    /Final vote not taken yet/,
  );
  await expect(tally.getByRole("row", { name: /^Before the debate/ })).toContainText("2 (100%)");
  expect(await tally.evaluate((box) => box.scrollWidth <= box.clientWidth)).toBe(true);
  // The table's own box (the section around it, with its heading, is named "Who moved" too).
  const movers = early.locator(".table-scroll[aria-label='Who moved']");
  expect(await movers.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
  await expect(movers).toHaveAccessibleDescription(/^Scroll sideways to see every column/);
  await expect(early.getByText("Scroll sideways to see every column").first()).toBeInViewport();
  await movers.focus();
  await early.keyboard.press("ArrowRight");
  await expect.poll(() => movers.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
  await early.screenshot({
    path: "test-results/screens/session-results-early-phone.png",
    fullPage: true,
  });
  await early.close();

  // Opening statements: the speakers post; each post waits for the teacher.
  await teacher.getByRole("button", { name: "Next: Opening statements" }).click();
  await expect(phase(ada)).toHaveText("Opening statements");
  const adaLive = new LiveMotionPage(ada);
  await adaLive.post("For the motion", "Streets without cars are safer for children.");
  // Marked on her argument, and said where she posted it.
  await expect(adaLive.argument("Streets without cars are safer for children.")).toContainText(
    "waiting for a moderator's approval",
  );
  await expect(
    ada.getByRole("status").filter({ hasText: "Your argument is waiting" }),
  ).toBeVisible();
  await new LiveMotionPage(ben).post("Against the motion", "Everyone hates traffic.");
  const queue = teacher.getByRole("region", { name: /Waiting for approval/ });
  await expect(queue).toContainText("Streets without cars are safer for children.");
  await expect(queue).toContainText("Everyone hates traffic.");
  await expect(ben.getByText("Streets without cars are safer for children.")).toHaveCount(0);

  const adas = queue.locator("li").filter({ hasText: "Streets without cars" });
  await adas.getByRole("button", { name: "Approve" }).click();
  await expect(ben.getByText("Streets without cars are safer for children.")).toBeVisible();
  // The note where she posted follows the teacher's decision.
  await expect(ada.getByRole("status").filter({ hasText: "Your argument is" })).toHaveText(
    "Your argument is posted. Show it",
  );
  const bens = queue.locator("li").filter({ hasText: "Everyone hates traffic." });
  await bens
    .getByLabel("Why reject it (the author sees this)")
    .fill("Give a reason the others can test");
  await bens.getByRole("button", { name: "Reject" }).click();
  await expect(ben.getByText(/Their reason: Give a reason the others can test/)).toBeVisible();
  await expect(ben.getByRole("status").filter({ hasText: "your argument" })).toHaveText(
    "A moderator did not approve your argument. Show it",
  );
  await expect(ada.getByText("Everyone hates traffic.")).toHaveCount(0);
  // Anonymous: the students see each other as pseudonyms; the teacher sees names.
  await expect(
    ben.locator("li.argument").filter({ hasText: "Streets without cars" }),
  ).toContainText("Participant 1");
  await expect(ben.getByText("Ada Mensah")).toHaveCount(0);
  // Nor anywhere in what the page sends, the data for its scripts included, once reloaded.
  await ben.reload();
  await expect(ben.getByText("Streets without cars are safer for children.")).toBeVisible();
  expect(await ben.content()).not.toContain("Ada Mensah");
  const benSees = await ben.request.get(`/api${motionPath}`);
  expect(await benSees.text()).not.toContain("Ada Mensah");
  expect((await ben.request.get(`/api${motionPath}/participation?format=csv`)).status()).toBe(403);
  await expect(
    teacher.locator("li.argument").filter({ hasText: "Streets without cars" }),
  ).toContainText("Ada Mensah");

  // Open floor: anyone posts; the teacher spotlights Ada's argument on the projector.
  await teacher.getByRole("button", { name: "Next: Open floor" }).click();
  await expect(phase(ben)).toHaveText("Open floor");
  await new LiveMotionPage(ben).post("Against the motion", "Shops in the centre need deliveries.");
  await queue
    .locator("li")
    .filter({ hasText: "Shops in the centre" })
    .getByRole("button", { name: "Approve" })
    .click();
  await expect(ada.getByText("Shops in the centre need deliveries.")).toBeVisible();
  await ben
    .locator("li.argument")
    .filter({ hasText: "Streets without cars" })
    .getByLabel("Your rating")
    .selectOption("4");
  await teacher
    .locator("li.argument")
    .filter({ hasText: "Streets without cars" })
    .getByRole("button", { name: "Spotlight" })
    .click();
  const spotlight = projector.getByRole("region", { name: "In the spotlight" });
  await expect(spotlight).toContainText("Streets without cars are safer for children.");
  await expect(spotlight).toContainText("Participant 1");
  await expect(projector.getByText("Ada Mensah")).toHaveCount(0);

  // The clock stops and starts again for everyone.
  await teacher.getByRole("button", { name: "Pause the clock" }).click();
  await expect(phase(projector)).toHaveText("Open floor · paused");
  const paused = await clockSeconds(ada);
  await ada.waitForTimeout(1500);
  expect(await clockSeconds(ada)).toBe(paused);
  await teacher.getByRole("button", { name: "Resume the clock" }).click();
  await expect(phase(projector)).toHaveText("Open floor");

  for (const next of ["Rebuttals", "Closing statements", "Final vote"]) {
    await teacher.getByRole("button", { name: `Next: ${next}` }).click();
    await expect(phase(ada)).toHaveText(next);
  }
  await expect(
    ada
      .getByRole("group", { name: "Your vote before the debate" })
      .getByRole("radio", { name: "For" }),
  ).toBeDisabled();
  for (const student of [ada, ben]) {
    await expect(student.getByRole("button", { name: "Vote now" })).toBeInViewport();
    await student
      .getByRole("group", { name: "Your vote after the debate" })
      .getByRole("radio", { name: "For" })
      .check();
    await expect(student.getByRole("button", { name: "Vote now" })).toHaveCount(0);
  }
  await expect(projector.getByTestId("projector-shift")).toHaveText("Support rose 100 points");
  await teacher.getByRole("button", { name: "End the debate" }).click();
  for (const screen of [teacher, ada, ben, projector]) {
    await expect(phase(screen)).toHaveText("The debate is over");
  }

  // Everyone's motion page says who won, and leads to the results.
  for (const screen of [teacher, ada, ben]) {
    await expect(screen.getByText(/^For wins: support for the motion rose/)).toBeVisible();
  }
  for (const screen of [teacher, ben, projector])
    expect(await seriousViolations(screen)).toEqual([]);
  await teacher.screenshot({
    path: "test-results/screens/session-teacher-laptop.png",
    fullPage: true,
  });
  await ben.screenshot({ path: "test-results/screens/session-student-phone.png", fullPage: true });
  await projector.screenshot({ path: "test-results/screens/session-projector.png" });

  // A student's own results: the room's verdict and their part, nobody else's.
  await ben.getByRole("link", { name: "See the results" }).click();
  await expect(ben.getByRole("heading", { level: 1, name: "Results" })).toBeVisible();
  await expect(ben.getByText(/^For wins/)).toBeVisible();
  const part = ben.getByRole("region", { name: "Your part" });
  await expect(part).toContainText("You voted for after the debate.");
  await expect(ben.getByText("Ada Mensah")).toHaveCount(0);
  expect(await seriousViolations(ben)).toEqual([]);
  await ben.screenshot({
    path: "test-results/screens/session-student-results-phone.png",
    fullPage: true,
  });

  // Afterwards: the result, who moved, the participation and the log.
  await teacher.getByRole("link", { name: "See the results" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Results" })).toBeVisible();
  await expect(teacher.getByText(/For wins/)).toBeVisible();
  const participation = teacher.getByRole("region", { name: "Participation" });
  await expect(participation).toContainText("Ada Mensah");
  await expect(participation).toContainText("Ben Holt");
  const log = teacher.getByRole("region", { name: "Moderation log" });
  await expect(log).toContainText("Rejected a post: “Give a reason the others can test”");
  await expect(log).toContainText("Approved a post");
  expect(await seriousViolations(teacher)).toEqual([]);
  await teacher.screenshot({
    path: "test-results/screens/session-results-laptop.png",
    fullPage: true,
  });
  for (const context of contexts) await context.close();
});

test("P-MEMBER-1, P-MEMBER-2: a moderator mutes a student from the debate, whose page stops offering to post, lets them speak again from the space, and mutes them while their page is offline", async ({
  browser,
}) => {
  const { teacher, student, studentContext, spacePath, motionPath, close } = await teacherWithGuest(
    browser,
    {
      teacher: "Mr Tomas Berg",
      space: "History 9",
      motion: "The printing press changed more than the internet",
      guest: "Noor",
    },
  );
  await student.goto(motionPath);
  await expect(student.getByText("Connecting…")).toHaveCount(0);
  const post = async (body: string) => {
    await student.getByRole("radio", { name: "For the motion" }).check();
    await student.getByLabel("Argument", { exact: true }).fill(body);
    await student.getByRole("button", { name: "Post" }).click();
  };
  await post("Books spread faster than censors could burn them.");
  const argument = teacher.locator("li.argument").filter({ hasText: "Books spread faster" });
  const composer = student.getByLabel("Argument", { exact: true });
  await argument.getByRole("button", { name: "Mute Noor" }).click();
  await expect(argument.getByRole("button", { name: "Unmute Noor" })).toBeVisible();
  // Noor's open page hears it at once (P-MEMBER-1): the composer gives way to what they may do.
  await expect(
    student.getByText("A moderator has muted you in this space: you can read and vote, not post."),
  ).toBeVisible();
  await expect(composer).toHaveCount(0);
  const own = student.locator("li.argument").filter({ hasText: "Books spread faster" });
  await expect(own).toBeVisible();
  // Nor does it offer to edit or withdraw what they posted: both would be refused.
  await expect(own.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(own.getByRole("button", { name: "Withdraw" })).toHaveCount(0);

  await teacher.goto(spacePath);
  const row = teacher.locator("li.member-row").filter({ hasText: "Noor" });
  await expect(row).toContainText("Muted");
  await row.getByRole("button", { name: "Unmute Noor" }).click();
  await expect(teacher.getByText("They may post again.")).toBeVisible();
  await expect(composer).toBeVisible();
  await expect(own.getByRole("button", { name: "Edit" })).toBeVisible();
  await post("Literacy followed the press.");
  await teacher.goto(motionPath);
  await expect(teacher.getByText("Literacy followed the press.")).toBeVisible();
  // The motion page reads who is muted: Noor's cards offer a mute again, each of them, and one
  // click there mutes and unmutes (the space's state, as its page shows it).
  const noors = teacher.locator("li.argument").filter({ hasText: /Books spread|Literacy/ });
  await expect(noors.getByRole("button", { name: "Mute Noor" })).toHaveCount(2);
  await noors.first().getByRole("button", { name: "Mute Noor" }).click();
  await expect(noors.getByRole("button", { name: "Unmute Noor" })).toHaveCount(2);
  await expect(
    student.getByText("A moderator has muted you in this space: you can read and vote, not post."),
  ).toBeVisible();
  await teacher.reload();
  await expect(noors.getByRole("button", { name: "Unmute Noor" })).toHaveCount(2);
  await noors.first().getByRole("button", { name: "Unmute Noor" }).click();
  await expect(noors.getByRole("button", { name: "Mute Noor" })).toHaveCount(2);
  await expect(composer).toBeVisible();

  // Muted again while Noor's page is offline: it learns so once it is back (P-MEMBER-2).
  await studentContext.setOffline(true);
  await expect(student.getByRole("status").filter({ hasText: "Connection lost" })).toBeVisible();
  await teacher.goto(spacePath);
  await row.getByRole("button", { name: "Mute Noor" }).click();
  await expect(row).toContainText("Muted");
  await expect(composer).toBeVisible();
  await studentContext.setOffline(false);
  await expect(
    student.getByText("A moderator has muted you in this space: you can read and vote, not post."),
  ).toBeVisible();
  await expect(composer).toHaveCount(0);
  await expect(student.getByRole("status").filter({ hasText: "Connection lost" })).toHaveCount(0);
  await close();
});

test("P-MEMBER-2: a student let speak again learns of a mute made while their page was offline, also when its connection dropped before the join after a read of the motion, or no join followed one", async ({
  browser,
}) => {
  const { teacher, student, studentContext, spacePath, motionPath, close } = await teacherWithGuest(
    browser,
    {
      teacher: "Ms Ada Lind",
      space: "Physics 8",
      motion: "Nuclear power is the greenest choice",
      guest: "Omar",
    },
  );
  // The student's socket passes through here; while told to, the server's answers to what the
  // page asked (Socket.IO's acks, "43…") are not delivered, as when a connection drops mid-reply.
  let dropAnswers = false;
  await student.routeWebSocket(/\/socket\.io\//, (page) => {
    const server = page.connectToServer();
    page.onMessage((message) => server.send(message));
    server.onMessage((message) => {
      if (dropAnswers && typeof message === "string" && message.startsWith("43")) return;
      page.send(message);
    });
  });
  await student.goto(motionPath);
  await expect(student.getByText("Connecting…")).toHaveCount(0);
  const composer = student.getByLabel("Argument", { exact: true });
  const muted = student.getByText(
    "A moderator has muted you in this space: you can read and vote, not post.",
  );
  await teacher.goto(spacePath);
  const row = teacher.locator("li.member-row").filter({ hasText: "Omar" });
  await row.getByRole("button", { name: "Mute Omar" }).click();
  await expect(muted).toBeVisible();

  dropAnswers = true;
  await row.getByRole("button", { name: "Unmute Omar" }).click();
  await expect(composer).toBeVisible();
  await studentContext.setOffline(true);
  await expect(student.getByRole("status").filter({ hasText: "Connection lost" })).toBeVisible();
  dropAnswers = false;
  await row.getByRole("button", { name: "Mute Omar" }).click();
  await expect(row).toContainText("Muted");
  await studentContext.setOffline(false);
  await expect(muted).toBeVisible();
  await expect(composer).toHaveCount(0);

  // A page read again for a reason of its own (the motion made anonymous) sends no join after
  // it: muted while offline after that, it learns so too.
  await row.getByRole("button", { name: "Unmute Omar" }).click();
  await expect(composer).toBeVisible();
  const motionId = motionPath.split("/").at(-1) ?? "";
  const posted = await teacher.request.post(`/api/motions/${motionId}/arguments`, {
    data: { relation: "for", body: "Its waste is small and kept.", parentId: null, citations: [] },
  });
  expect(posted.status()).toBe(201);
  const card = student.locator("li.argument").filter({ hasText: "Its waste is small and kept." });
  await expect(card).toContainText("Ms Ada Lind");
  const made = await teacher.request.post(`/api/motions/${motionId}/commands/motion:settings`, {
    data: { clientId: crypto.randomUUID(), settings: { anonymous: true } },
  });
  expect(made.status(), await made.text()).toBe(200);
  await expect(card).toContainText(/Participant \d/);
  await studentContext.setOffline(true);
  await expect(student.getByRole("status").filter({ hasText: "Connection lost" })).toBeVisible();
  await row.getByRole("button", { name: "Mute Omar" }).click();
  await expect(row).toContainText("Muted");
  await studentContext.setOffline(false);
  await expect(muted).toBeVisible();
  await expect(composer).toHaveCount(0);
  await close();
});

test("P-JOIN-8: a motion made anonymous while a student's page is offline shows pseudonyms once the page is back, for what it held already too", async ({
  browser,
}) => {
  const teacherContext = await browser.newContext();
  const [noorContext, omarContext] = [await browser.newContext(), await browser.newContext()];
  const teacher = await teacherContext.newPage();
  const { code, motionPath } = await teacherOpensMotion(
    teacher,
    {
      name: "Ms Ines Duarte",
      email: `duarte-${Date.now()}@school.test`,
      password: "duarte's long password",
    },
    "Civics 10",
    "Voting should be compulsory",
  );
  const [noor, omar] = [await noorContext.newPage(), await omarContext.newPage()];
  for (const [page, name] of [
    [noor, "Noor"],
    [omar, "Omar Haddad"],
  ] as const) {
    await new JoinPage(page).joinAsGuest(code, name);
    await expect(page.getByRole("heading", { level: 1, name: "Civics 10" })).toBeVisible();
    await page.goto(motionPath);
    await expect(page.getByText("Connecting…")).toHaveCount(0);
  }
  await new LiveMotionPage(omar).post("For the motion", "Turnout makes a mandate.");
  const omars = noor.locator("li.argument").filter({ hasText: "Turnout makes a mandate." });
  await expect(omars).toContainText("Omar Haddad");

  await noorContext.setOffline(true);
  await expect(noor.getByRole("status").filter({ hasText: "Connection lost" })).toBeVisible();
  const motionId = motionPath.split("/").at(-1) ?? "";
  const made = await teacher.request.post(`/api/motions/${motionId}/commands/motion:settings`, {
    data: { clientId: crypto.randomUUID(), settings: { anonymous: true } },
  });
  expect(made.status(), await made.text()).toBe(200);
  await noorContext.setOffline(false);
  await expect(noor.getByRole("status").filter({ hasText: "Connection lost" })).toHaveCount(0);
  await expect(omars).toContainText(/Participant \d/);
  await expect(noor.getByText("Omar Haddad")).toHaveCount(0);
  for (const context of [teacherContext, noorContext, omarContext]) await context.close();
});

test("P-MEMBER-1: a student made a moderator while the debate is open moderates it at once: a post waiting for approval reaches their page", async ({
  browser,
}) => {
  const contexts: BrowserContext[] = [];
  const screen = async () => {
    const context = await browser.newContext();
    contexts.push(context);
    return context.newPage();
  };
  const [teacher, noor, omar] = [await screen(), await screen(), await screen()];
  const { code, spacePath, motionPath } = await teacherOpensMotion(
    teacher,
    {
      name: "Ms Ines Dahl",
      email: `dahl-${Date.now()}@school.test`,
      password: "dahl's long password",
    },
    "Civics 10",
    "Juries should hear the accused first",
  );
  await teacher.getByLabel(/Approve posts/).check();

  for (const [page, name] of [
    [noor, "Noor"],
    [omar, "Omar"],
  ] as const) {
    await new JoinPage(page).joinAsGuest(code, name);
    await expect(page.getByRole("heading", { level: 1, name: "Civics 10" })).toBeVisible();
    await page.goto(motionPath);
    await expect(page.getByText("Connecting…")).toHaveCount(0);
  }
  const held = "A moderator approves each post before the others see it.";
  await expect(noor.getByText(held)).toBeVisible();

  await teacher.goto(spacePath);
  const row = teacher.locator("li.member-row").filter({ hasText: "Noor" });
  await row.getByLabel("Role of Noor").selectOption("moderator");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(teacher.getByText("Role changed.")).toBeVisible();
  // Noor's open page now moderates: her own posts are not held, and Omar's wait for her.
  await expect(noor.getByText(held)).toHaveCount(0);
  await new LiveMotionPage(omar).post("For the motion", "The accused knows what happened.");
  const queue = noor.getByRole("region", { name: /Waiting for approval/ });
  await expect(queue).toContainText("The accused knows what happened.");
  for (const context of contexts) await context.close();
});
