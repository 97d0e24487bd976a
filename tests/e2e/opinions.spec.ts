import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { JoinPage, seriousViolations, teacherOpensMotion, teacherWithGuest } from "./pages";

const motionTitle = "Homework should be abolished";
const shared = "Homework is worth doing only when it is explained well.";
const arguments_ = [
  { relation: "for", body: "Children need free time to play and rest." },
  { relation: "for", body: "Homework widens the gap between families." },
  { relation: "for", body: "Practice in class works better than practice alone." },
  { relation: "against", body: "Homework builds the habit of working alone." },
  { relation: "against", body: "Parents see what their children are learning." },
  { relation: "against", body: "Some practice needs more time than a lesson has." },
  { relation: "for", body: shared },
] as const;

/**
 * A student sorts every argument on the deck: agrees with their camp's side and the shared one,
 * disagrees with the rest, by key (and the first one by button).
 */
async function sortAll(page: Page, motionPath: string, camp: "For" | "Against") {
  await page.goto(`${motionPath}/sort`);
  await expect(page.getByRole("heading", { level: 1, name: "Sort the arguments" })).toBeVisible();
  for (let judged = 1; judged <= arguments_.length; judged++) {
    await expect(page.getByText(`${judged - 1} of ${arguments_.length} judged`)).toBeVisible();
    const side = (await page.locator(".sort-side").textContent()) ?? "";
    const body = (await page.locator(".sort-body").textContent()) ?? "";
    const agrees = body === shared || side.startsWith(camp);
    if (judged === 1) {
      // On the phone each choice reads on one line: its key beside the word, not under it.
      for (const name of [/^Disagree/, /^Pass/, /^Agree/]) {
        const choice = page.getByRole("button", { name });
        const [button, key] = await Promise.all([
          choice.boundingBox(),
          choice.locator("kbd").boundingBox(),
        ]);
        const middle = (box: typeof button) => (box ? box.y + box.height / 2 : 0);
        expect(
          Math.abs(middle(key) - middle(button)),
          `${name.source.slice(1)}'s key is level with its word`,
        ).toBeLessThan(6);
      }
      await page.getByRole("button", { name: agrees ? /^Agree/ : /^Disagree/ }).click();
    } else {
      await page.keyboard.press(agrees ? "a" : "d");
    }
  }
  await expect(page.getByText(/You have judged every argument for now \(7 of 7\)/)).toBeVisible();
}

/** A member (the teacher, mostly) posts the arguments to sort, through the REST API. */
async function postAll(
  author: Page,
  motionPath: string,
  args: readonly (typeof arguments_)[number][],
) {
  const motionId = motionPath.split("/").at(-1);
  for (const argument of args) {
    const answer = await author.request.post(`/api/motions/${motionId}/arguments`, {
      data: { ...argument, parentId: null, citations: [] },
    });
    expect(answer.status()).toBe(201);
  }
}

test("students sort the arguments on their phones and the projector shows the room's opinion groups", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const contexts: BrowserContext[] = [];
  const open = async (viewport: { width: number; height: number }) => {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    return context.newPage();
  };
  const teacher = await open({ width: 1366, height: 900 });
  const login = { email: `olga-${Date.now()}@school.test`, password: "olga's long password" };
  const { code, motionPath } = await teacherOpensMotion(
    teacher,
    { name: "Ms Olga Petrova", ...login },
    "Civics 9",
    motionTitle,
  );
  await postAll(teacher, motionPath, arguments_);
  // The teacher wrote them all: nothing of the others' to sort, and the page says so.
  await teacher.goto(`${motionPath}/sort`);
  await expect(
    teacher.getByText(
      "There is nothing to sort yet: the others have posted no arguments on this motion.",
    ),
  ).toBeVisible();

  // The projector, opened before anyone has judged, follows the room live.
  const projector = await teacher.context().newPage();
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.goto(`${motionPath}/projector?show=opinions`);
  await expect(projector.getByText(/Groups appear once four participants/)).toBeVisible();

  const students = [
    { name: "Ada Mensah", camp: "For" },
    { name: "Ben Holt", camp: "For" },
    { name: "Chen Wu", camp: "Against" },
    { name: "Dana Okoro", camp: "Against" },
  ] as const;
  const phones: Page[] = [];
  for (const student of students) {
    const phone = await open({ width: 390, height: 844 });
    await new JoinPage(phone).joinAsGuest(code, student.name);
    await expect(phone.getByRole("heading", { level: 1, name: "Civics 9" })).toBeVisible();
    phones.push(phone);
  }
  for (const [i, phone] of phones.entries()) {
    await sortAll(phone, motionPath, students[i]?.camp ?? "For");
  }
  expect(await seriousViolations(phones[0] as Page)).toEqual([]);

  // The room falls into two groups of two; all of it accepts the shared argument. On a full-HD
  // wall and on an older one, the map, its key and the consensus are all on the screen.
  const key = projector.getByRole("list", { name: "Key to the groups' colours" });
  await expect(key.getByText("Group A: 2 people")).toBeVisible({ timeout: 10_000 });
  await expect(key.getByText("Group B: 2 people")).toBeVisible();
  const consensus = projector.getByRole("region", { name: "Every group agrees" });
  await expect(consensus).toContainText(shared);
  await expect(consensus).toContainText("100% agree");
  for (const wall of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ]) {
    await projector.setViewportSize(wall);
    expect(
      await projector.evaluate(
        () => document.documentElement.scrollHeight <= document.documentElement.clientHeight,
      ),
    ).toBe(true);
    const view = projector.locator(".projector-opinions");
    expect(await view.evaluate((el) => el.scrollHeight <= el.clientHeight)).toBe(true);
    for (const whole of [
      key,
      projector.getByRole("img", { name: "4 participants in 2 groups" }),
      consensus.getByRole("listitem"),
    ]) {
      await expect(whole).toBeInViewport({ ratio: 1 });
    }
    await projector.screenshot({
      path: `test-results/screens/opinions-projector-${wall.width}x${wall.height}.png`,
    });
  }

  // A student's own place: their group, and what every group agrees with.
  const ada = phones[0] as Page;
  await ada.goto(motionPath);
  const stand = ada.getByRole("region", { name: "Where I stand" });
  await expect(stand).toContainText(/You are in Group [AB], with 1 other/);
  await expect(stand).toContainText(shared);
  await stand.scrollIntoViewIfNeeded();
  await ada.screenshot({ path: "test-results/screens/opinions-where-i-stand-phone.png" });

  // The teacher's panel speaks to a moderator: how the room falls, and the way to the projector.
  await teacher.goto(motionPath);
  const groupsPanel = teacher.getByRole("region", { name: "The room's opinion groups" });
  await expect(groupsPanel).toContainText("4 participants fall into 2 groups");
  await expect(groupsPanel).toContainText(shared);
  await expect(groupsPanel.getByRole("link", { name: "Show on the projector" })).toBeVisible();
  await expect(groupsPanel).not.toContainText("to find your place");
  await expect(teacher.getByRole("region", { name: "Where I stand" })).toHaveCount(0);

  // The teacher, moderating a motion that is not anonymous, may see who agreed; the room sees counts.
  const card = teacher.locator("li.argument > article").filter({ hasText: shared });
  await expect(card).toContainText("4 agree · 0 disagree");
  await card.getByText("Who?").click();
  await expect(card).toContainText("Ada Mensah agrees");

  // The results name the groups for the teacher.
  await teacher.goto(`${motionPath}/results`);
  const groups = teacher.getByRole("region", { name: "Opinion groups" });
  await expect(groups).toContainText("4 participants fell into 2 groups");
  await expect(groups).toContainText(shared);
  for (const context of contexts) await context.close();
});

test("a key pressed the moment the next card is drawn judges that card", async ({ browser }) => {
  const teacher = await (await browser.newContext()).newPage();
  const { code, motionPath } = await teacherOpensMotion(
    teacher,
    {
      name: "Mr Ivo Quick",
      email: `ivo-${Date.now()}@school.test`,
      password: "ivo's long password",
    },
    "Civics 10",
    motionTitle,
  );
  await postAll(teacher, motionPath, arguments_.slice(0, 3));
  const student = await (
    await browser.newContext({ viewport: { width: 390, height: 844 } })
  ).newPage();
  await new JoinPage(student).joinAsGuest(code, "Quinn Fast");
  await expect(student.getByRole("heading", { level: 1, name: "Civics 10" })).toBeVisible();
  await student.goto(`${motionPath}/sort`);
  await expect(student.getByText("0 of 3 judged")).toBeVisible();
  // As soon as the page draws "1 of 3 judged", before anything else runs, "a" is pressed.
  await student.evaluate(() => {
    const watch = new MutationObserver(() => {
      if (!document.body.textContent?.includes("1 of 3 judged")) return;
      watch.disconnect();
      window.dispatchEvent(new KeyboardEvent("keydown", { key: "a", bubbles: true }));
    });
    watch.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await student.keyboard.press("d");
  await expect(student.getByText("2 of 3 judged")).toBeVisible();
});

test("the sort page deals an argument posted while it is open, when nothing is left to judge", async ({
  browser,
}) => {
  const { teacher, student, motionPath, close } = await teacherWithGuest(browser, {
    teacher: "Mr Ivo Dahl",
    space: "Civics 10",
    motion: "School should start at ten",
    guest: "Lena",
    guestViewport: { width: 390, height: 844 },
  });
  await student.goto(`${motionPath}/sort`);
  await expect(student.getByText(/There is nothing to sort yet/)).toBeVisible();
  await expect(student.getByText("New arguments appear here as they are posted.")).toBeVisible();

  // Each posted while the page says so: dealt at once, judged, and the page says so again.
  for (const [judged, argument] of [arguments_[0], arguments_[3]].entries()) {
    await postAll(teacher, motionPath, [argument]);
    await expect(student.locator(".sort-body")).toHaveText(argument.body);
    await expect(student.getByText(`${judged} of ${judged + 1} judged`)).toBeVisible();
    await student.keyboard.press(judged === 0 ? "a" : "d");
    await expect(
      student.getByText(`You have judged every argument for now (${judged + 1} of ${judged + 1}).`),
    ).toBeVisible();
  }
  // A moderator who has judged all is led to the room's groups, as their panel names them.
  await postAll(student, motionPath, [arguments_[5]]);
  await teacher.goto(`${motionPath}/sort`);
  await expect(teacher.getByText("0 of 1 judged")).toBeVisible();
  // A key pressed before the page has come alive is lost (the keys are heard from then on), so
  // it is pressed again until the card is judged; one more press, with no card left, does nothing.
  const groups = teacher.getByRole("link", { name: "See the room's opinion groups" });
  await expect(async () => {
    await teacher.keyboard.press("p");
    await expect(groups).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await groups.click();
  await expect(
    teacher.getByRole("heading", { level: 2, name: "The room's opinion groups" }),
  ).toBeVisible();
  await close();
});

test("each card drawn takes the focus, so a screen reader reads it out: the first as the page loads, the next after a choice", async ({
  browser,
}) => {
  const { teacher, student, motionPath, close } = await teacherWithGuest(browser, {
    teacher: "Ms Ada Focus",
    space: "Civics 11",
    motion: "Voting should start at sixteen",
    guest: "Theo",
    guestViewport: { width: 390, height: 844 },
  });
  await postAll(teacher, motionPath, arguments_.slice(0, 2));
  await student.goto(`${motionPath}/sort`);
  await expect(student.getByText("0 of 2 judged")).toBeVisible();
  const card = student.getByRole("region", { name: /the motion/ }).getByRole("heading");
  await expect(card).toBeFocused();
  await student.getByRole("button", { name: /^Pass/ }).click();
  await expect(student.getByText("1 of 2 judged")).toBeVisible();
  await expect(card).toBeFocused();
  await close();
});
