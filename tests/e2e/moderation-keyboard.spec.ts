import { expect, type Page, test } from "@playwright/test";
import { teacherWithGuest } from "./pages";

// A teacher moderates from the keyboard: each action leaves the focus where the next one is, not
// at the top of the page, while the posts it acts on come and go.

/** The guest posts each body for the motion, through the REST API (held while approval is on). */
async function postAll(student: Page, motionPath: string, bodies: string[]) {
  const motionId = motionPath.split("/").at(-1);
  for (const body of bodies) {
    const answer = await student.request.post(`/api/motions/${motionId}/arguments`, {
      data: { relation: "for", body, parentId: null, citations: [] },
    });
    expect(answer.status(), await answer.text()).toBe(201);
  }
}

test("a teacher works the approval queue by keyboard: after each approval or rejection the focus is on the next post waiting, then on the empty queue", async ({
  browser,
}) => {
  const { teacher, student, motionPath, close } = await teacherWithGuest(browser, {
    teacher: "Ms Wren Keys",
    space: "Year 8 English",
    motion: "Every pupil should learn a poem by heart",
    guest: "Ola",
  });
  await teacher.getByLabel(/Approve posts/).check();
  const queue = teacher.getByRole("region", { name: /^Waiting for approval/ });
  await expect(queue.getByRole("heading")).toHaveText("Waiting for approval (0)");
  const posts = [
    "Poems train the memory.",
    "A poem known by heart stays for life.",
    "Rhythm helps.",
  ];
  await postAll(student, motionPath, posts);
  await expect(queue.getByRole("heading")).toHaveText("Waiting for approval (3)");
  const post = (body: string) => queue.getByRole("listitem").filter({ hasText: body });

  await post(posts[0] as string)
    .getByRole("button", { name: "Approve" })
    .focus();
  await teacher.keyboard.press("Enter");
  await expect(queue.getByRole("heading")).toHaveText("Waiting for approval (2)");
  await expect(post(posts[1] as string).getByRole("button", { name: "Approve" })).toBeFocused();

  // Tab to the reason, type it, Tab to Reject and press it.
  await teacher.keyboard.press("Tab");
  await teacher.keyboard.type("Say why, please");
  await teacher.keyboard.press("Tab");
  await expect(post(posts[1] as string).getByRole("button", { name: "Reject" })).toBeFocused();
  await teacher.keyboard.press("Enter");
  await expect(queue.getByRole("heading")).toHaveText("Waiting for approval (1)");
  await expect(post(posts[2] as string).getByRole("button", { name: "Approve" })).toBeFocused();

  await teacher.keyboard.press("Space");
  await expect(queue.getByRole("heading")).toHaveText("Waiting for approval (0)");
  await expect(queue.getByRole("heading")).toBeFocused();
  await close();
});

test("a teacher hides, restores and cancels hiding an argument by keyboard, and the focus stays on the argument's controls", async ({
  browser,
}) => {
  const { teacher, student, motionPath, close } = await teacherWithGuest(browser, {
    teacher: "Mr Tam Keys",
    space: "Year 9 History",
    motion: "Castles were built to impress more than to defend",
    guest: "Pia",
  });
  const body = "Their walls were too thin for cannon.";
  await postAll(student, motionPath, [body]);
  const card = teacher.locator("li.argument").filter({ hasText: body });
  const hide = card.getByRole("button", { name: "Hide…" });

  // Opened and cancelled: the focus goes back to the button that opened the form.
  await hide.focus();
  await teacher.keyboard.press("Enter");
  await expect(card.getByLabel("Why hide it?")).toBeFocused();
  await teacher.keyboard.press("Tab");
  await teacher.keyboard.press("Tab");
  await expect(card.getByRole("button", { name: "Cancel" })).toBeFocused();
  await teacher.keyboard.press("Enter");
  await expect(hide).toBeFocused();

  // Hidden: the focus is on Restore, which takes its place.
  await teacher.keyboard.press("Enter");
  await teacher.keyboard.type("Off topic");
  await teacher.keyboard.press("Enter");
  await expect(card).toContainText("hidden from participants");
  await expect(card.getByRole("button", { name: "Restore" })).toBeFocused();

  // Restored: the focus is back on Hide….
  await teacher.keyboard.press("Enter");
  await expect(card).not.toContainText("hidden from participants");
  await expect(hide).toBeFocused();
  await close();
});

test("a teacher runs a structured debate's phases by keyboard to its end, and the focus goes on to closing the motion", async ({
  browser,
}) => {
  const { teacher, close } = await teacherWithGuest(browser, {
    teacher: "Ms Ida Keys",
    space: "Debating society",
    motion: "Uniforms should be abolished",
    guest: "Rex",
  });
  await teacher.getByLabel("Format").selectOption("oxford");
  const start = teacher.getByRole("button", { name: "Start the debate" });
  await start.focus();
  await teacher.keyboard.press("Enter");
  const advance = teacher.getByRole("button", { name: /^Next: |^End the debate$/ });
  await advance.focus();
  for (const next of [
    "Next: Opening statements",
    "Next: Open floor",
    "Next: Rebuttals",
    "Next: Closing statements",
    "Next: Final vote",
    "End the debate",
  ]) {
    await expect(advance).toHaveText(next);
    await expect(advance).toBeFocused();
    await teacher.keyboard.press("Enter");
  }
  await expect(teacher.getByText("The debate is over.", { exact: true })).toBeVisible();
  // The phase buttons are gone: the focus is on what comes next, not at the top of the page.
  const lock = teacher.getByRole("button", { name: "Close the motion" });
  await expect(lock).toBeFocused();
  await teacher.keyboard.press("Enter");
  await expect(teacher.getByRole("button", { name: "Reopen the motion" })).toBeFocused();
  await close();
});
