import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  expect,
  type Page,
  test,
} from "@playwright/test";
import {
  JoinPage,
  LiveMotionPage,
  SignUpPage,
  SpacesPage,
  seriousViolations,
  teacherOpensMotion,
} from "./pages";
import { apiAccount } from "./pages/apiAccount";
import { expectFitsPhoneAndLaptop } from "./pages/screens";

// A debate kept up between seminars: Amira posts on Monday and leaves; Bolat replies while she is
// away; on Tuesday she comes back to what changed, answers, and looks a passage up by a word.

const motionTitle = "Transit corridors make neighbours into partners";

test("a reply made while its author is away waits in her inbox and leads her back to answer it", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const amiraContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const bolatContext = await browser.newContext({ viewport: { width: 390, height: 844 } });

  // Monday: Amira opens a space and a motion, argues for it, and closes her laptop.
  const monday = await amiraContext.newPage();
  await new SignUpPage(monday).signUp({
    name: "Amira Sadykova",
    email: `amira-${Date.now()}@school.test`,
    password: "Amira's long password",
  });
  const space = await new SpacesPage(monday).createSpace("Seminar on Central Asia");
  const spacePath = new URL(monday.url()).pathname;
  const code = (await space.joinCode().textContent()) ?? "";
  await monday.getByLabel("Title").fill(motionTitle);
  await monday.getByRole("button", { name: "Create motion" }).click();
  await expect(monday.getByRole("heading", { level: 1 })).toHaveText(motionTitle);
  await expect(monday.getByText("Connecting…")).toHaveCount(0);
  const motionPath = new URL(monday.url()).pathname;
  const amira = new LiveMotionPage(monday);
  await amira.post("For the motion", "A shared railway gives both sides a reason to talk.");
  await expect(amira.argument("A shared railway gives both sides a reason to talk.")).toBeVisible();
  await monday.close();

  // Monday night: Bolat joins with the code and replies to her argument.
  const bolatPage = await bolatContext.newPage();
  await new JoinPage(bolatPage).joinAsGuest(code, "Bolat Nurlanov");
  await expect(
    bolatPage.getByRole("heading", { level: 1, name: "Seminar on Central Asia" }),
  ).toBeVisible();
  await bolatPage.goto(motionPath);
  await expect(bolatPage.getByText("Connecting…")).toHaveCount(0);
  const bolat = new LiveMotionPage(bolatPage);
  await bolat
    .argument("A shared railway gives both sides a reason to talk.")
    .getByRole("button", { name: "Reply" })
    .click();
  await bolat.post("Attacks it", "Railways were built before, and the talks still failed.");
  await expect(
    bolat.argument("Railways were built before, and the talks still failed."),
  ).toBeVisible();
  // Posting followed the motion for him, so replies to his argument will reach him.
  await expect(bolatPage.getByLabel("Notifications from this motion")).toHaveValue("following");

  // Tuesday: Amira is back. The header tells her something happened while she was away.
  const tuesday = await amiraContext.newPage();
  await tuesday.goto(spacePath);
  const badge = tuesday.getByRole("link", { name: "Notifications, 1 unread" });
  await expect(badge).toBeVisible();
  await expect(tuesday.getByTestId("unread-count")).toContainText("1 new");
  expect(await seriousViolations(tuesday)).toEqual([]);

  await badge.click();
  await expect(tuesday.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const notice = tuesday.getByRole("link", { name: /Bolat Nurlanov replied to your argument/ });
  await expect(notice).toBeVisible();
  expect(await seriousViolations(tuesday)).toEqual([]);
  await notice.click();

  // She lands on the reply itself, scrolled to and highlighted, and marked new.
  await expect(tuesday).toHaveURL(/\/motions\/[^#]+#argument-/);
  await expect(tuesday.getByText("Connecting…")).toHaveCount(0);
  const replyId = new URL(tuesday.url()).hash.slice(1);
  const reply = tuesday.locator(`li#${replyId}`);
  await expect(reply).toContainText("Railways were built before, and the talks still failed.");
  await expect(reply).toHaveAttribute("data-linked", "true");
  await expect(reply).toBeInViewport();
  await expect(reply.locator(".badge-new").first()).toHaveText("New");
  await expect(tuesday.getByRole("link", { name: "Notifications" })).toBeVisible();

  // She answers, and Bolat, still online, hears of it at once.
  await reply.getByRole("button", { name: "Reply" }).first().click();
  const answer = "This railway comes with a customs union, which the old ones lacked.";
  await new LiveMotionPage(tuesday).post("Attacks it", answer);
  await expect(bolat.argument(answer)).toBeVisible();
  await expect(bolatPage.getByRole("link", { name: "Notifications, 1 unread" })).toBeVisible();

  // Having read it all, she leaves at once: the page marked it read as she went.
  await tuesday.goto(spacePath);
  await expect(async () => {
    await tuesday.reload();
    await expect(tuesday.getByTestId("unread-count")).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });

  // She looks up a passage by a word and opens it in its document.
  await tuesday.getByRole("searchbox", { name: "Search" }).fill("interdependence");
  await tuesday.getByRole("searchbox", { name: "Search" }).press("Enter");
  await expect(tuesday).toHaveURL(/\/search\?q=interdependence/);
  const passage = tuesday.locator("li.search-result[data-type=passage]").first();
  await expect(passage.locator("mark").first()).toHaveText(/interdependence/i);
  expect(await seriousViolations(tuesday)).toEqual([]);
  await passage.getByRole("link").first().click();
  await expect(tuesday).toHaveURL(/\/documents\/[^#]+#block-\d+$/);
  const found = tuesday.locator(new URL(tuesday.url()).hash);
  await expect(found).toContainText(/interdependence/i);
  await expect(found).toBeInViewport();

  await amiraContext.close();
  await bolatContext.close();
});

test("what was new when the page opened stays marked new after the page is drawn again around the debate", async ({
  browser,
}) => {
  const teacherContext = await browser.newContext();
  const studentContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  const { code, spacePath, motionPath } = await teacherOpensMotion(
    teacher,
    {
      name: "Dana Omarova",
      email: `dana-${Date.now()}@school.test`,
      password: "Dana's long password",
    },
    "Seminar on the steppe",
    "Nomads shaped the silk roads",
  );
  const spaceId = spacePath.split("/").at(-1) ?? "";
  const teacherPosts = new LiveMotionPage(teacher);
  await teacherPosts.post("For the motion", "The steppe was a road, not a wall.");

  // Noor reads the debate once and leaves.
  const student = await studentContext.newPage();
  const unread = async () => {
    const motions = await student.request.get(`/api/spaces/${spaceId}/motions`);
    return ((await motions.json()) as { unread: number }[])[0]?.unread;
  };
  await new JoinPage(student).joinAsGuest(code, "Noor");
  await expect(
    student.getByRole("heading", { level: 1, name: "Seminar on the steppe" }),
  ).toBeVisible();
  await student.goto(motionPath);
  await expect(student.getByText("The steppe was a road, not a wall.")).toBeVisible();
  await expect.poll(unread, { timeout: 10_000 }).toBe(0);
  await student.goto(`/spaces/${spaceId}`);
  await teacherPosts.post("For the motion", "Caravans needed the herders' routes.");
  await expect.poll(unread, { timeout: 10_000 }).toBe(1);

  // Back, the argument is new to her; the page marks it read as she reads.
  await student.goto(motionPath);
  const argument = new LiveMotionPage(student).argument("Caravans needed the herders' routes.");
  await expect(argument.locator(".badge-new").first()).toHaveText("New");
  await expect.poll(unread, { timeout: 10_000 }).toBe(0);

  // What arrives while she reads is new too.
  await teacherPosts.post("For the motion", "Horses carried the news.");
  const arrived = new LiveMotionPage(student).argument("Horses carried the news.");
  await expect(arrived.locator(".badge-new").first()).toHaveText("New");

  // Muted, her page reads the motion again and is drawn again around the debate: what was new
  // on opening, and what arrived since, still is.
  const members = await teacher.request.get(`/api/spaces/${spaceId}/members`);
  const noor = ((await members.json()) as { userId: string; name: string }[]).find(
    (member) => member.name === "Noor",
  );
  const muted = await teacher.request.patch(`/api/spaces/${spaceId}/members/${noor?.userId}`, {
    data: { muted: true },
  });
  expect(muted.status(), await muted.text()).toBe(200);
  await expect(
    student.getByText("A moderator has muted you in this space: you can read and vote, not post."),
  ).toBeVisible();
  await expect(argument.locator(".badge-new").first()).toHaveText("New");
  await expect(arrived.locator(".badge-new").first()).toHaveText("New");
  await teacherContext.close();
  await studentContext.close();
});

test("back after a day on a phone, a member is told how many arguments are new and steps from one to the next", async ({
  browser,
}) => {
  const phone = { viewport: { width: 390, height: 844 }, hasTouch: true };
  const {
    teacherContext,
    studentContext: mondayContext,
    space,
    motion,
    post,
  } = await seminar(
    browser,
    {
      teacher: "Yerlan Teacher",
      student: "Saule Student",
      space: "Caspian seminar",
      motion: "The Caspian is a sea, not a lake",
    },
    phone,
  );
  const teacher = teacherContext.request;
  for (const n of [1, 2, 3]) await post(teacher, `Old argument ${n} read on Monday.`, "for");
  await post(teacher, "An old argument against, read on Monday.", "against");
  const hers = await post(mondayContext.request, "Its seabed is shared like a sea's.", "for");

  // Monday: Saule reads it all on her phone and leaves.
  const monday = await mondayContext.newPage();
  await monday.goto(`/motions/${motion.id}`);
  await expect(monday.getByText("Old argument 1 read on Monday.")).toBeVisible();
  await expect
    .poll(async () => {
      const motions = await monday.request.get(`/api/spaces/${space.id}/motions`);
      return ((await motions.json()) as { unread: number }[])[0]?.unread;
    })
    .toBe(0);
  const storageState = await mondayContext.storageState();
  await mondayContext.close();

  // While she is away: a reply to her argument, and a new argument on each side.
  await post(teacher, "A lake is what the treaty of 2018 avoided saying.", "attacks", hers.id);
  await post(teacher, "Sturgeon swim it as a sea.", "for");
  await post(teacher, "It has no outlet to the ocean.", "against");

  // Tuesday, on the same phone: the page says what is new and steps through it, in its order.
  const tuesdayContext = await browser.newContext({ ...phone, storageState });
  const tuesday = await tuesdayContext.newPage();
  await tuesday.goto(`/motions/${motion.id}`);
  await expect(tuesday.getByText("Connecting…")).toHaveCount(0);
  await expect(tuesday.getByText("3 new since your last visit")).toBeVisible();
  const next = tuesday.getByRole("button", { name: "Go to the next new argument" });
  const focused = tuesday.locator("li.argument:focus > article");
  for (const body of [
    "Sturgeon swim it as a sea.",
    "A lake is what the treaty of 2018 avoided saying.",
    "It has no outlet to the ocean.",
    "Sturgeon swim it as a sea.",
  ]) {
    await next.click();
    await expect(focused).toContainText(body);
    await expect(focused).toBeInViewport();
    await expect(focused.locator(".badge-new")).toHaveText("New");
  }
  await expect(tuesday).toHaveURL(/#argument-/);
  expect(await seriousViolations(tuesday)).toEqual([]);
  await expectFitsPhoneAndLaptop(tuesday, "new-since-visit");
  await teacherContext.close();
  await tuesdayContext.close();
});

test("the order a member reads a debate in is kept in their browser for the next visit", async ({
  browser,
}) => {
  const {
    teacherContext,
    studentContext: firstVisit,
    motion,
    post,
  } = await seminar(browser, {
    teacher: "Dina Teacher",
    student: "Timur Student",
    space: "Steppe seminar",
    motion: "The steppe's rivers need one treaty",
  });
  const teacher = teacherContext.request;
  // The older argument has the latest activity: a reply came after the newer one.
  const older = await post(teacher, "The Irtysh crosses three borders.", "for");
  await post(teacher, "Dams upstream set the level downstream.", "for");
  await post(teacher, "And the Ili crosses two.", "supports", older.id);

  const firstOf = (page: Page) =>
    new LiveMotionPage(page)
      .side("For the motion")
      .locator("ul.argument-tree > li.argument")
      .first();
  const open = async (page: Page) => {
    await page.goto(`/motions/${motion.id}`);
    await expect(page.getByText("Connecting…")).toHaveCount(0);
    return page.getByLabel("Order");
  };

  const monday = await firstVisit.newPage();
  const mondayOrder = await open(monday);
  await expect(mondayOrder).toHaveValue("newest");
  await expect(firstOf(monday)).toContainText("Dams upstream set the level downstream.");
  await mondayOrder.selectOption({ label: "Latest activity" });
  await expect(firstOf(monday)).toContainText("The Irtysh crosses three borders.");
  const storageState = await firstVisit.storageState();
  await firstVisit.close();

  // The next day, in the same browser: the debate opens in the order chosen.
  const nextDay = await browser.newContext({ storageState });
  const tuesday = await nextDay.newPage();
  await expect(await open(tuesday)).toHaveValue("activity");
  await expect(firstOf(tuesday)).toContainText("The Irtysh crosses three borders.");
  // Another browser keeps its own: it opens newest first.
  const elsewhere = await teacherContext.newPage();
  await expect(await open(elsewhere)).toHaveValue("newest");
  await expect(firstOf(elsewhere)).toContainText("Dams upstream set the level downstream.");
  await teacherContext.close();
  await nextDay.close();
});

test("a member back after a day marks their space's motions read from the keyboard, and the focus stays on the list's heading", async ({
  browser,
}) => {
  const { teacherContext, studentContext, space, motion, post } = await seminar(browser, {
    teacher: "Erlan Teacher",
    student: "Saule Student",
    space: "Aral seminar",
    motion: "The Aral Sea can be saved in part",
  });
  // Saule read the motion yesterday; two arguments came after.
  const page = await studentContext.newPage();
  await page.goto(`/motions/${motion.id}`);
  await expect(page.getByText("Connecting…")).toHaveCount(0);
  await page.close();
  await post(teacherContext.request, "The northern dam raised the small sea by metres.", "for");
  await post(teacherContext.request, "The southern basin is beyond saving.", "against");

  const back = await studentContext.newPage();
  await back.goto(`/spaces/${space.id}`);
  await expect(back.getByTestId("unread-count")).toContainText("2 new");
  await back.getByRole("button", { name: "Mark all read" }).focus();
  await back.keyboard.press("Enter");
  await expect(back.getByTestId("unread-count")).toHaveCount(0);
  await expect(back.getByRole("button", { name: "Mark all read" })).toHaveCount(0);
  await expect(back.getByRole("heading", { level: 2, name: "Motions" })).toBeFocused();
  await teacherContext.close();
  await studentContext.close();
});

/**
 * A teacher and a student, each in a browser context of their own and signed up over the API; a
 * space the student joined and a motion in it. `post` posts as whoever's request it is given.
 */
async function seminar(
  browser: Browser,
  names: { teacher: string; student: string; space: string; motion: string },
  studentScreen: BrowserContextOptions = {},
) {
  const stamp = Date.now();
  const teacherContext = await browser.newContext();
  const studentContext = await browser.newContext(studentScreen);
  const account = (context: BrowserContext, name: string) => {
    const first = name.split(" ")[0] ?? name;
    return apiAccount(context.request, {
      name,
      email: `${first.toLowerCase()}-${stamp}@school.test`,
      password: `${first}'s long password`,
    });
  };
  await account(teacherContext, names.teacher);
  await account(studentContext, names.student);
  const teacher = teacherContext.request;
  const space = await (await teacher.post("/api/spaces", { data: { name: names.space } })).json();
  const joined = await studentContext.request.post("/api/spaces/join", {
    data: { code: space.joinCode },
  });
  expect(joined.status()).toBe(200);
  const motion = await (
    await teacher.post(`/api/spaces/${space.id}/motions`, { data: { title: names.motion } })
  ).json();
  const post = async (
    request: APIRequestContext,
    body: string,
    relation: "for" | "against" | "supports" | "attacks",
    parentId: string | null = null,
  ) => {
    const posted = await request.post(`/api/motions/${motion.id}/arguments`, {
      data: { parentId, relation, body, citations: [] },
    });
    expect(posted.status(), await posted.text()).toBe(201);
    return (await posted.json()) as { id: string };
  };
  return { teacherContext, studentContext, space, motion, post };
}
