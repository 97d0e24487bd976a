import { expect, type Page, test } from "@playwright/test";
import { JoinPage, LiveMotionPage, seriousViolations, teacherOpensMotion } from "./pages";

// The room's screen on the wall, at a full-HD projector's size and at an older one's, through
// every phase of a structured debate: it never scrolls, says one thing about where the debate
// stands, shows how to join while it is open, and says who won once it is over.

const motionTitle =
  "This house believes that schools should replace homework with longer school days and more time for play";
const long = (point: string) =>
  `${point} ${"This is a long argument that keeps going to see that the screen cuts it rather than growing past the bottom of the wall. ".repeat(4)}`;

const walls = { hd: { width: 1920, height: 1080 }, small: { width: 1280, height: 720 } };

async function expectFitsTheWall(page: Page) {
  const overflow = await page.evaluate(() => ({
    down: document.documentElement.scrollHeight - window.innerHeight,
    across: document.documentElement.scrollWidth - window.innerWidth,
  }));
  expect(overflow.down, "the projector scrolls down").toBeLessThanOrEqual(0);
  expect(overflow.across, "the projector scrolls sideways").toBeLessThanOrEqual(0);
}

/** The one status line: the motion's state, the phase and the clock. */
const statusOf = (page: Page) => page.locator(".projector").getByRole("status");

/** Whether the element's top and bottom edges are both on screen, nothing drawn over or cutting them. */
const shownWhole = (element: Element) => {
  const box = element.getBoundingClientRect();
  const x = box.left + box.width / 2;
  return [box.top + 2, box.bottom - 2].every((y) =>
    element.contains(document.elementFromPoint(x, y)),
  );
};

test("the projector fits the wall at every phase, shows how to join, counts the votes and says who won", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const teacherContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const teacher = await teacherContext.newPage();
  const { code, motionPath } = await teacherOpensMotion(
    teacher,
    {
      name: "Ms Rosa Lind",
      email: `lind-${Date.now()}@school.test`,
      password: "lind's long password",
    },
    "Year 10 Debating",
    motionTitle,
  );
  await teacher.getByLabel("Format").selectOption("oxford");

  const screens: Record<keyof typeof walls, Page> = {
    hd: await teacherContext.newPage(),
    small: await teacherContext.newPage(),
  };
  for (const [wall, page] of Object.entries(screens) as [keyof typeof walls, Page][]) {
    await page.setViewportSize(walls[wall]);
    await page.goto(`${motionPath}/projector`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(motionTitle);
    await expect(page).toHaveTitle(`Projector: ${motionTitle} · Moot`);
  }
  const everyWall = async (check: (page: Page) => Promise<void>) => {
    for (const page of Object.values(screens)) {
      await check(page);
      await expectFitsTheWall(page);
      await expect(statusOf(page)).toHaveCount(1);
    }
  };

  // While the motion is open the room sees the way in: the code, the link and its QR code.
  await everyWall(async (page) => {
    await expect(statusOf(page)).toHaveText(
      "Open for debate · Waiting for the moderator to start the debate",
    );
    await expect(page.getByTestId("projector-join-code")).toHaveText(code);
    await expect(page.getByTestId("projector-join-link")).toHaveText(
      new RegExp(`^http://[^/]+/join\\?code=${code}$`),
    );
    await expect(page.getByRole("img", { name: "QR code of the join link" })).toBeVisible();
    // Before anything is rated or spotlighted, the wall says so, and what the room can do.
    await expect(page.getByRole("region", { name: "In the spotlight" })).toContainText(
      "Nothing in the spotlight yet.",
    );
    await expect(page.getByRole("region", { name: "Strongest for the motion" })).toContainText(
      "the strongest show here as the room rates them",
    );
  });
  const link = (await screens.hd.getByTestId("projector-join-link").textContent()) ?? "";

  // A student joins by the link on the wall, the code already filled in.
  const studentContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const student = await studentContext.newPage();
  await student.goto(new URL(link).pathname + new URL(link).search);
  await expect(student.getByLabel("Join code")).toHaveValue(code);
  await new JoinPage(student).joinAsGuest(code, "Kit Aalto");
  await expect(student.getByRole("heading", { level: 1, name: "Year 10 Debating" })).toBeVisible();
  // The student may read the motion on a projector, but the join code is not theirs to show.
  await student.goto(`${motionPath}/projector`);
  await expect(student.getByRole("heading", { level: 1 })).toHaveText(motionTitle);
  await expect(student.getByTestId("projector-join-code")).toHaveCount(0);
  for (const shown of [code, code.replace("-", "")])
    expect(await student.content()).not.toContain(shown);
  await student.goto(motionPath);
  await expect(student.getByText("Connecting…")).toHaveCount(0);

  await teacher.getByRole("button", { name: "Start the debate" }).click();
  await everyWall(async (page) => {
    await expect(statusOf(page)).toHaveText("Open for debate · Opening vote");
    await expect(page.getByTestId("session-clock")).toHaveText(/^\d+:\d\d$/);
  });
  await student
    .getByRole("group", { name: "Your vote before the debate" })
    .getByRole("radio", { name: "Against" })
    .check();
  // One voter reads as a count, not a bare 100%; the vote after, not taken yet, says so
  // rather than read "0 of 0".
  await everyWall(async (page) => {
    await expect(page.getByRole("img", { name: /Against: 1 of 1 \(100%\) before;/ })).toBeVisible();
    await expect(page.getByTestId("projector-vote-note")).toHaveText("Final vote not taken yet");
    await expect(page.getByTestId("projector-vote-note")).toBeInViewport();
    await expect(page.getByText("0 of 0")).toHaveCount(0);
  });
  // The counts are read from the back of the room: on a full-HD wall they are drawn as large as
  // the wall's smallest words (24px), not the size of a laptop's small print.
  const countSizes = await screens.hd
    .locator(".shift-chart text")
    .evaluateAll((texts) =>
      texts.map(
        (text) =>
          Number.parseFloat(getComputedStyle(text).fontSize) *
          ((text as SVGTextElement).getScreenCTM()?.a ?? 0),
      ),
    );
  expect(countSizes.length).toBeGreaterThan(0);
  for (const size of countSizes) expect(size).toBeGreaterThanOrEqual(24);

  for (const next of ["Opening statements", "Open floor"]) {
    await teacher.getByRole("button", { name: `Next: ${next}` }).click();
    await everyWall(async (page) => {
      await expect(statusOf(page)).toHaveText(`Open for debate · ${next}`);
    });
  }

  // The strongest arguments, however long, are cut to fit; so is the spotlight.
  for (const [side, point] of [
    ["For the motion", "Play teaches what homework cannot."],
    ["For the motion", "Longer days keep the library open."],
    ["For the motion", "Tired children learn less at night."],
    ["Against the motion", "Homework builds habits for later study."],
    ["Against the motion", "Families see what their children learn."],
    ["Against the motion", "Longer days cost more to staff."],
  ] as const) {
    await new LiveMotionPage(student).post(side, long(point));
    const posted = teacher.locator("li.argument").filter({ hasText: point });
    await posted.getByLabel("Your rating").selectOption("4");
  }
  await teacher
    .locator("li.argument")
    .filter({ hasText: "Play teaches what homework cannot." })
    .getByRole("button", { name: "Spotlight" })
    .click();
  await everyWall(async (page) => {
    await expect(page.getByRole("region", { name: "In the spotlight" })).toContainText(
      "Play teaches what homework cannot.",
    );
    await expect(page.getByRole("region", { name: "Strongest against the motion" })).toContainText(
      "Longer days cost more to staff.",
    );
  });
  // A phone held upright is no wall: its projector page scrolls, and shows each of the strongest
  // whole rather than cut to the height a wall would leave the lists.
  await student.goto(`${motionPath}/projector`);
  for (const side of ["Strongest for the motion", "Strongest against the motion"]) {
    const items = student.getByRole("region", { name: side }).getByRole("listitem");
    await expect(items).toHaveCount(3);
    for (const item of await items.all()) {
      await item.scrollIntoViewIfNeeded();
      expect(await item.evaluate(shownWhole), `${side}: ${await item.textContent()}`).toBe(true);
    }
  }
  await student.goto(motionPath);
  await expect(student.getByText("Connecting…")).toHaveCount(0);

  for (const next of ["Rebuttals", "Closing statements", "Final vote"]) {
    await teacher.getByRole("button", { name: `Next: ${next}` }).click();
    await everyWall(async (page) => {
      await expect(statusOf(page)).toHaveText(`Open for debate · ${next}`);
    });
  }
  await everyWall(async (page) => {
    await expect(page.getByTestId("projector-vote-note")).toHaveText(
      "Final vote open: no votes yet",
    );
  });
  await student
    .getByRole("group", { name: "Your vote after the debate" })
    .getByRole("radio", { name: "For" })
    .check();
  await everyWall(async (page) => {
    await expect(
      page.getByRole("img", { name: /For: 0 of 1 \(0%\) before, 1 of 1 \(100%\) after/ }),
    ).toBeVisible();
    await expect(page.getByTestId("projector-shift")).toHaveText("Support rose 100 points");
    await expect(page.getByTestId("projector-vote-note")).toHaveCount(0);
  });
  await screens.hd.screenshot({ path: "test-results/screens/projector-open-1920x1080.png" });
  await screens.small.screenshot({ path: "test-results/screens/projector-open-1280x720.png" });

  // Over: one line says so, the way in is gone, and the Oxford rule names the winner.
  await teacher.getByRole("button", { name: "End the debate" }).click();
  await everyWall(async (page) => {
    await expect(statusOf(page)).toHaveText("The debate is over");
    await expect(page.getByText("Open for debate")).toHaveCount(0);
    await expect(page.getByTestId("projector-verdict")).toHaveText("The motion carries");
    await expect(page.getByTestId("projector-join-code")).toHaveCount(0);
  });
  for (const page of Object.values(screens)) expect(await seriousViolations(page)).toEqual([]);
  await screens.hd.screenshot({ path: "test-results/screens/projector-over-1920x1080.png" });
  await screens.small.screenshot({ path: "test-results/screens/projector-over-1280x720.png" });
  for (const context of [teacherContext, studentContext]) await context.close();
});
