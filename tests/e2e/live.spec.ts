import { type Browser, expect, test } from "@playwright/test";
import { LiveMotionPage, SignUpPage, seriousViolations, teacherWithGuest } from "./pages";
import { expectFits, phone } from "./pages/screens";

// Motions of their own, apart from the reading journey's (journey.spec.ts).
const motionTitle =
  "Iran should answer Kazakhstan's turn towards Israel with economic interdependence, not confrontation";

/** Browser contexts side by side, each signed in with an account of its own. */
async function signedInSideBySide(browser: Browser, names: [string, string]) {
  const signIn = async (name: string) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await new SignUpPage(page).signUp({
      name,
      email: `${name.toLowerCase()}-${Date.now()}@school.test`,
      password: `${name}'s long password`,
    });
    return [context, page] as const;
  };
  return Promise.all([signIn(names[0]), signIn(names[1])]);
}

test("two participants debate live: a cited argument, a reply that attacks it, and a post made while one was offline", async ({
  browser,
}) => {
  const stamp = Date.now();
  const [[contextA, pageA], [contextB, pageB]] = await signedInSideBySide(browser, [
    "Aigerim",
    "Bolat",
  ]);
  const [a, b] = [new LiveMotionPage(pageA), new LiveMotionPage(pageB)];
  await a.open(motionTitle);
  await b.open(motionTitle);

  const cited = ((await a.readerParagraphs().nth(3).textContent()) ?? "").trim();
  await a.selectAndCite(3);
  await expect(pageA.locator(".citations-draft blockquote")).toHaveText(cited);
  await a.post("For the motion", `Trade routes open up ${stamp}`);

  const posted = b.argument(`Trade routes open up ${stamp}`);
  await expect(posted).toBeVisible();
  await expect(posted.locator("blockquote").first()).toHaveText(cited);
  await expect(b.side("For the motion")).toContainText(`Trade routes open up ${stamp}`);
  // The other reader's heat strip counts the new citation beside its paragraph, live.
  await expect(
    pageB
      .locator(".reader-text .covered", { has: pageB.locator("p", { hasText: cited }) })
      .locator(".heat-strip"),
  ).toHaveAttribute("aria-label", /^Cited [1-9]\d* times? for/);
  expect(await seriousViolations(pageB)).toEqual([]);

  await posted.getByRole("button", { name: "Reply" }).first().click();
  await b.selectAndCite(5);
  await b.post("Attacks it", `That ignores Iran ${stamp}`);
  const reply = a
    .argument(`Trade routes open up ${stamp}`)
    .locator("li.argument")
    .filter({ hasText: `That ignores Iran ${stamp}` });
  await expect(reply).toBeVisible();
  await expect(reply).toContainText("Attacks");

  await contextA.setOffline(true);
  await expect(a.connectionLost()).toBeVisible();
  await b.selectAndCite(6);
  await b.post("Against the motion", `Sanctions risk ${stamp}`);
  await expect(b.argument(`Sanctions risk ${stamp}`)).toBeVisible();
  await expect(pageA.getByText(`Sanctions risk ${stamp}`)).toHaveCount(0);
  await a.selectAndCite(7);
  await a.post("For the motion", `Written on the train ${stamp}`);
  await expect(a.argument(`Written on the train ${stamp}`)).toContainText("Sending…");
  // The line stays on screen wherever the reader is, counting what waits to be sent.
  const offlineLine = pageA.getByRole("status").filter({ hasText: "Connection lost" });
  await expect(offlineLine).toHaveText("Connection lost. Reconnecting… 1 post waiting to be sent");
  for (const [size, viewport] of Object.entries({ phone, laptop: { width: 1366, height: 768 } })) {
    await pageA.setViewportSize(viewport);
    await pageA.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(offlineLine).toBeInViewport();
    await expectFits(pageA, "live-offline", size);
  }
  // Nor does it cover the Post button on a phone when the page brings that into view.
  await pageA.setViewportSize(phone);
  await a.openComposer();
  const postButton = pageA.getByRole("button", { name: "Post", exact: true });
  await postButton.evaluate((button) => button.scrollIntoView({ block: "end" }));
  const postBox = await postButton.boundingBox();
  const lineBox = await offlineLine.boundingBox();
  expect(postBox && lineBox && postBox.y + postBox.height <= lineBox.y).toBe(true);
  await contextA.setOffline(false);
  await expect(b.argument(`Written on the train ${stamp}`)).toBeVisible();
  await expect(a.argument(`Written on the train ${stamp}`)).not.toContainText("Sending…");
  await expect(a.argument(`Sanctions risk ${stamp}`)).toBeVisible();
  await expect(a.connectionLost()).toHaveCount(0);
  await expect(offlineLine).toHaveCount(0);
  await expect(a.side("Against the motion")).toContainText(`Sanctions risk ${stamp}`);

  for (const context of [contextA, contextB]) await context.close();
});

test("votes and ratings reach the other screen, nobody is offered a rating of their own argument, and a keyboard user cites a paragraph", async ({
  browser,
}) => {
  const stamp = Date.now();
  const [[contextA, pageA], [contextB, pageB]] = await signedInSideBySide(browser, [
    "Dana",
    "Erlan",
  ]);
  const [a, b] = [new LiveMotionPage(pageA), new LiveMotionPage(pageB)];
  const title = "Kazakhstan can be a credible broker between Israel and Iran";
  await a.open(title);
  await b.open(title);

  // Other specs vote on the demo motion too: until someone has, the row says it is not taken.
  const tallied = pageB.getByTestId("tally-before-against");
  await expect(tallied.or(pageB.getByTestId("tally-before-untaken"))).toBeVisible();
  const before = (await tallied.count()) > 0 ? Number(await tallied.textContent()) : 0;
  await pageA
    .getByRole("group", { name: "Your vote before the debate" })
    .getByRole("radio", { name: "Against" })
    .check();
  await expect(pageB.getByTestId("tally-before-against")).toHaveText(String(before + 1));

  // Keyboard only: Tab to a paragraph's own cite button and press Enter.
  const citeButton = pageA.getByRole("button", { name: "Cite this paragraph" }).nth(2);
  await citeButton.focus();
  await expect(citeButton).toBeVisible();
  await pageA.keyboard.press("Enter");
  await expect(pageA.locator(".citations-draft blockquote")).toHaveCount(1);
  await a.post("Against the motion", `Balancing has limits ${stamp}`);

  // Dana's own argument is for others to rate: her card offers her no rating.
  const own = a.argument(`Balancing has limits ${stamp}`);
  await expect(own).toContainText("Not rated yet");
  await expect(own.getByRole("button", { name: "Edit" })).toBeVisible();
  await expect(own.getByLabel("Your rating")).toHaveCount(0);

  const argument = b.argument(`Balancing has limits ${stamp}`);
  await expect(argument).toBeVisible();
  const rating = argument.getByLabel("Your rating");
  await expect(rating.getByRole("option")).toHaveText([
    "–",
    "0 – not convincing",
    "1 – weak",
    "2 – fair",
    "3 – strong",
    "4 – decisive",
  ]);
  await rating.selectOption({ label: "3 – strong" });
  await expect(rating).toHaveValue("3");
  await expect(own).toContainText("Strong · 3.0 from 1 rating");
  await expect(argument).toContainText("Strong · 3.0 from 1 rating");
  await expect(rating).toHaveValue("3");

  // The rated card, as a phone and a laptop show it: nothing runs off the side.
  for (const [size, viewport] of Object.entries({ phone, laptop: { width: 1366, height: 768 } })) {
    await pageB.setViewportSize(viewport);
    await argument.scrollIntoViewIfNeeded();
    const card = await argument.evaluate((li) => ({
      right: li.getBoundingClientRect().right,
      overflow: li.scrollWidth - li.clientWidth,
    }));
    expect(card.right).toBeLessThanOrEqual(viewport.width);
    expect(card.overflow).toBeLessThanOrEqual(0);
    await argument.screenshot({ path: `test-results/screens/argument-card-${size}.png` });
  }
  for (const context of [contextA, contextB]) await context.close();
});

test("a selection that runs across two paragraphs, from inside a word to inside another, is cited in whole words exactly as the document says them", async ({
  page,
}) => {
  const stamp = Date.now();
  await new SignUpPage(page).signUp({
    name: "Farida",
    email: `f-${stamp}@school.test`,
    password: "farida's password",
  });
  const reader = new LiveMotionPage(page);
  await reader.open(motionTitle);
  const { quoted, dragged } = await page.evaluate(() => {
    // The text node and offset at a character of a paragraph, marks or not.
    const pointAt = (element: Element, offset: number): [Node, number] => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let left = offset;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (left <= length) return [node, left];
        left -= length;
      }
      throw new Error("the paragraph is shorter than that");
    };
    const word = /[\p{L}\p{N}\p{M}]/u;
    const inWord = (text: string, at: number) =>
      word.test(text[at - 1] ?? "") && word.test(text[at] ?? "");
    const paragraphs = [...document.querySelectorAll(".reader-text p[data-start]")];
    const at = paragraphs.findIndex(
      (_, i) => i > 2 && (paragraphs[i + 1]?.textContent?.length ?? 0) > 40,
    );
    const [first, second] = [paragraphs[at] as Element, paragraphs[at + 1] as Element];
    const [before, after] = [first.textContent ?? "", second.textContent ?? ""];
    // The drag begins and ends inside words.
    let start = 10;
    while (!inWord(before, start)) start++;
    let end = 25;
    while (!inWord(after, end)) end++;
    const range = document.createRange();
    range.setStart(...pointAt(first, start));
    range.setEnd(...pointAt(second, end));
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    // Those two words are taken whole.
    let from = start;
    while (inWord(before, from)) from--;
    let to = end;
    while (inWord(after, to)) to++;
    return {
      quoted: `${before.slice(from)}\n\n${after.slice(0, to)}`,
      dragged: `${before.slice(start)}\n\n${after.slice(0, end)}`,
    };
  });
  expect(quoted).not.toBe(dragged);
  await page.getByRole("button", { name: "Cite the selected text" }).click();
  await a11yFree(page);
  const cited = await page.locator(".citations-draft blockquote").textContent();
  expect(cited?.replace(/\s+/g, " ").trim()).toBe(quoted.replace(/\s+/g, " ").trim());
  await reader.post("For the motion", `Across paragraphs ${stamp}`);
  await expect(reader.argument(`Across paragraphs ${stamp}`)).not.toContainText("Sending…");
  await expect(reader.argument(`Across paragraphs ${stamp}`).locator("blockquote")).toHaveCount(1);
});

test("a paragraph picked by a triple click is cited whole", async ({ page }) => {
  const stamp = Date.now();
  await new SignUpPage(page).signUp({
    name: "Gulnara",
    email: `g-${stamp}@school.test`,
    password: "gulnara's password",
  });
  const reader = new LiveMotionPage(page);
  await reader.open(motionTitle);
  const paragraph = reader.readerParagraphs().nth(4);
  const whole = ((await paragraph.textContent()) ?? "").replace(/\s+/g, " ").trim();
  await paragraph.click({ clickCount: 3 });
  await page.getByRole("button", { name: "Cite the selected text" }).click();
  const cited = await page.locator(".citations-draft blockquote").textContent();
  expect(cited?.replace(/\s+/g, " ").trim()).toBe(whole);
});

async function a11yFree(page: import("@playwright/test").Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

test("on a laptop a keyboard user goes from the argument to the documents and back in one step each", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await new SignUpPage(page).signUp({
    name: "Kemal Keys",
    email: `kemal-${Date.now()}@school.test`,
    password: "kemal's long password",
  });
  const motion = new LiveMotionPage(page);
  await motion.open("Kazakhstan can be a credible broker between Israel and Iran");
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
  /** Presses Tab (or Shift+Tab) until `name` has the focus: how many presses it took. */
  const tabTo = async (name: string, key = "Tab") => {
    for (let presses = 1; presses <= 30; presses++) {
      await page.keyboard.press(key);
      if ((await focusedText()) === name) return presses;
    }
    throw new Error(`${key} did not reach "${name}" in 30 presses`);
  };

  const body = page.getByLabel("Argument", { exact: true });
  await body.focus();
  await page.keyboard.type("Brokers need both sides' trust.");
  // Behind the composer come the debate's arguments; the link goes past them.
  expect(await tabTo("Go to the documents")).toBeLessThanOrEqual(10);
  await page.keyboard.press("Enter");
  await expect(page.locator("#reader")).toBeFocused();
  expect(await tabTo("Cite this paragraph")).toBeLessThanOrEqual(10);
  await page.keyboard.press("Enter");
  await expect(page.locator(".citations-draft blockquote")).toHaveCount(1);
  // And back to the words being written, which are as they were.
  expect(await tabTo("Back to your argument", "Shift+Tab")).toBeLessThanOrEqual(15);
  await page.keyboard.press("Enter");
  await expect(body).toBeFocused();
  await expect(body).toHaveValue("Brokers need both sides' trust.");
});

test("the vote panel says a vote nobody has cast is not taken yet, and that nobody voted once the motion is closed", async ({
  browser,
}) => {
  const { teacher, student, motionPath, close } = await teacherWithGuest(browser, {
    teacher: "Vera Votecount",
    space: "Voting seminar",
    motion: "School should start at ten",
    guest: "Gus",
    guestViewport: phone,
  });
  await student.goto(motionPath);
  await expect(student.getByText("Connecting…")).toHaveCount(0);
  const votes = (page: typeof teacher) => page.getByRole("region", { name: "Votes" });
  const row = (page: typeof teacher, name: string) =>
    votes(page).getByRole("row", { name: new RegExp(`^${name}`) });
  for (const page of [teacher, student]) {
    await expect(row(page, "Before the debate")).toHaveText(/Vote before the debate not taken yet/);
    await expect(row(page, "After the debate")).toHaveText(/Vote after the debate not taken yet/);
  }
  await votes(student).scrollIntoViewIfNeeded();
  await expectFits(student, "vote-panel-untaken", "phone");

  await student
    .getByRole("group", { name: "Your vote before the debate" })
    .getByRole("radio", { name: "For" })
    .check();
  // The vote cast reaches the teacher's screen as counts; the vote after still is not taken.
  await expect(teacher.getByTestId("tally-before-for")).toHaveText("1");
  await expect(row(teacher, "Before the debate")).not.toContainText("not taken");
  await expect(row(teacher, "After the debate")).toHaveText(/Vote after the debate not taken yet/);

  await teacher.getByRole("button", { name: "Close the motion" }).click();
  for (const page of [teacher, student]) {
    await expect(row(page, "After the debate")).toHaveText(/Vote after the debate: nobody voted/);
  }
  await votes(student).scrollIntoViewIfNeeded();
  await expectFits(student, "vote-panel-closed", "phone");
  await teacher.setViewportSize({ width: 1366, height: 768 });
  await votes(teacher).scrollIntoViewIfNeeded();
  await expectFits(teacher, "vote-panel-closed", "laptop-1366");
  expect(await seriousViolations(teacher)).toEqual([]);
  await close();
});

test("a vote cast while the page is still connecting waits for the connection and is counted, rather than refused as if it were lost", async ({
  browser,
}) => {
  const { teacher, student, motionPath, close } = await teacherWithGuest(browser, {
    teacher: "Vera Quickvote",
    space: "Voting seminar",
    motion: "Exams should be open-book",
    guest: "Ivy",
    guestViewport: phone,
  });
  // The school's network is slow to open the student's live connection: the page is alive (it
  // has asked for the connection) but not connected yet when she votes.
  let asked = () => {};
  const pageAsked = new Promise<void>((resolve) => {
    asked = resolve;
  });
  let letThrough = () => {};
  const networkReady = new Promise<void>((resolve) => {
    letThrough = resolve;
  });
  await student.routeWebSocket(/\/socket\.io\//, async (socket) => {
    asked();
    await networkReady;
    socket.connectToServer();
  });
  await student.goto(motionPath);
  await pageAsked;
  await expect(student.getByText("Connecting…")).toBeVisible();
  const choice = student
    .getByRole("group", { name: "Your vote before the debate" })
    .getByRole("radio", { name: "Against" });
  await choice.check();
  await expect(choice).toBeChecked();
  await expect(student.getByText(/Not connected/)).toHaveCount(0);

  letThrough();
  await expect(teacher.getByTestId("tally-before-against")).toHaveText("1");
  await expect(student.getByTestId("tally-before-against")).toHaveText("1");
  await expect(choice).toBeChecked();
  await expect(student.getByText(/Not connected/)).toHaveCount(0);
  await close();
});
