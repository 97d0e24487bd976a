import { type Browser, expect, type Page, test } from "@playwright/test";
import { JoinPage, LiveMotionPage, SignUpPage, seriousViolations, teacherWithGuest } from "./pages";
import { expectFitsPhoneAndLaptop } from "./pages/screens";

// A motion of its own: the other specs post on theirs.
const motionTitle =
  "Kazakhstan's multi-vector, “balanced” diplomacy is sustainable in the long run";

/**
 * Holds the page's requests for its notifications: each is read by the server at once, and
 * handed to the page only when `answer` is called, so it arrives after whatever happened
 * meanwhile. `held`: how many were read. `answer` waits for the late answers to land.
 */
async function holdLists(page: Page) {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held = 0;
  // Every request routed is answered before the route is taken away: one still held then would
  // be answered twice.
  const inFlight = new Set<Promise<void>>();
  await page.route("**/api/me/notifications", (route) => {
    const answered = (async () => {
      const readThen = await route.fetch();
      held++;
      await released;
      await route.fulfill({ response: readThen });
    })();
    inFlight.add(answered);
    return answered.finally(() => inFlight.delete(answered));
  });
  return {
    held: () => held,
    answer: async () => {
      const late = page.waitForResponse((r) => r.url().endsWith("/api/me/notifications"));
      release();
      await late;
      while (inFlight.size > 0) await Promise.all(inFlight);
      await page.unroute("**/api/me/notifications");
      await page.waitForLoadState("networkidle");
    },
  };
}

/**
 * Posts `replier`'s replies (attacks, citing her passage) to the argument `body` of the author on
 * `authorPage`'s motion: the replies' ids.
 */
async function replierTo(authorPage: Page, replier: Page, body: string) {
  const motionId = new URL(authorPage.url()).pathname.split("/")[2];
  const view = await (await replier.request.get(`/api/motions/${motionId}`)).json();
  const parent = view.arguments.find((arg: { body: string }) => arg.body === body);
  const { documentId, exact, prefix, suffix, start, end } = parent.citations[0];
  const citation = { documentId, exact, prefix, suffix, start, end };
  return async (reply: string) => {
    const posted = await replier.request.post(`/api/motions/${motionId}/arguments`, {
      data: { parentId: parent.id, relation: "attacks", body: reply, citations: [citation] },
    });
    expect(posted.status(), await posted.text()).toBe(201);
    return ((await posted.json()) as { id: string }).id;
  };
}

async function signedIn(browser: Browser, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new SignUpPage(page).signUp({
    name,
    email: `${name.toLowerCase()}-inbox-${Date.now()}@school.test`,
    password: `${name}'s long password`,
  });
  return page;
}

test("a reply waits in the author's inbox, counted live in the header, and is marked read once opened", async ({
  browser,
}) => {
  const stamp = Date.now();
  const aigerim = await signedIn(browser, "Aigerim");
  const bolat = await signedIn(browser, "Bolat");

  await aigerim.goto("/inbox");
  await expect(aigerim.getByText(/Nothing yet\. Replies to your arguments/)).toBeVisible();
  // A new member is told what to do to hear from anyone, and where.
  await expect(
    aigerim.getByText(/To begin, open a motion in your spaces and make an argument/),
  ).toBeVisible();
  await expect(aigerim.getByRole("link", { name: "your spaces" })).toHaveAttribute(
    "href",
    "/spaces",
  );
  await expect(aigerim.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  expect(await seriousViolations(aigerim)).toEqual([]);
  await expectFitsPhoneAndLaptop(aigerim, "inbox-empty", { fullPage: true });

  const a = new LiveMotionPage(aigerim);
  await a.open(motionTitle);
  const follow = aigerim.getByLabel("Notifications from this motion");
  await expect(follow).toHaveValue("unfollowed");
  await a.selectAndCite(2);
  await a.post("For the motion", `Balance keeps doors open ${stamp}`);
  await expect(a.argument(`Balance keeps doors open ${stamp}`)).toBeVisible();

  // Bolat replies through the API (the composer is live.spec.ts's subject), citing her passage;
  // Aigerim stays on the motion's page, where the header counts the replies as they come.
  const reply = await replierTo(aigerim, bolat, `Balance keeps doors open ${stamp}`);
  const replies = [`Balance is drift ${stamp}`, `And costly ${stamp}`];
  for (const [i, body] of replies.entries()) {
    await reply(body);
    await expect(
      aigerim.getByRole("link", { name: `Notifications, ${i + 1} unread` }),
    ).toBeVisible();
  }
  await aigerim.evaluate(() => window.scrollTo(0, 0));
  await expectFitsPhoneAndLaptop(aigerim, "header-badge", { fullPage: true });

  await aigerim.getByRole("link", { name: "Notifications, 2 unread" }).click();
  await expect(aigerim.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const items = aigerim.locator(".inbox-item");
  await expect(items).toHaveCount(2);
  const first = aigerim.getByRole("link", {
    name: `Bolat replied to your argument on “${motionTitle}” (unread)`,
  });
  await expect(first).toHaveCount(2);
  expect(await seriousViolations(aigerim)).toEqual([]);
  await expectFitsPhoneAndLaptop(aigerim, "inbox", { fullPage: true });

  await first.first().click();
  await expect(aigerim).toHaveURL(/\/motions\/[\w-]+#argument-[\w-]+$/);
  await expect(aigerim.getByRole("link", { name: "Notifications, 1 unread" })).toBeVisible();
  // P-NOTE-11: the lists the page asks for as it connects are answered by the server at once
  // and handed to the page only after Mark all read has its answer: late, they must not undo it.
  const lists = await holdLists(aigerim);
  await aigerim.goto("/inbox");
  await expect(aigerim.getByRole("heading", { level: 2, name: "1 unread" })).toBeVisible();
  // The header's list and the inbox's, both read while one notification was unread.
  await expect.poll(lists.held).toBeGreaterThanOrEqual(2);
  const markAnswered = aigerim.waitForResponse((r) => r.url().endsWith("/notifications/read"));
  // From the keyboard: the button goes once nothing is unread, and the focus to what it did.
  await aigerim.getByRole("button", { name: "Mark all read" }).focus();
  await aigerim.keyboard.press("Enter");
  await markAnswered;
  const allRead = aigerim.getByRole("heading", { level: 2, name: "All read" });
  await expect(allRead).toBeVisible();
  await expect(allRead).toBeFocused();
  await lists.answer();
  await expect(aigerim.getByRole("heading", { level: 2, name: "All read" })).toBeVisible();
  await expect(aigerim.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  await expectFitsPhoneAndLaptop(aigerim, "inbox-read", { fullPage: true });

  await a.open(motionTitle);
  await expect(follow).toHaveValue("following");
  const saved = aigerim.waitForResponse((r) => r.url().endsWith("/follow") && r.ok());
  await follow.selectOption("muted");
  await saved;
  await aigerim.reload();
  await expect(follow).toHaveValue("muted");
});

test("a visitor is asked to sign in to see notifications", async ({ page }) => {
  await page.goto("/inbox");
  await expect(page.getByText(/to see replies to your arguments/)).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("P-NOTE-12: a reply its author withdraws leaves the open inbox and the header's count at once", async ({
  browser,
}) => {
  const stamp = Date.now();
  const aigerim = await signedIn(browser, "Aigerim");
  const bolat = await signedIn(browser, "Bolat");
  const a = new LiveMotionPage(aigerim);
  await a.open(motionTitle);
  await a.selectAndCite(2);
  await a.post("For the motion", `Balance pays in the end ${stamp}`);
  await expect(a.argument(`Balance pays in the end ${stamp}`)).toBeVisible();
  const reply = await replierTo(aigerim, bolat, `Balance pays in the end ${stamp}`);
  const hasty = await reply(`Hasty words ${stamp}`);
  await reply(`Considered words ${stamp}`);

  // The lists the page asks for as its connections open are read by the server at once and
  // handed to the page only after the withdrawal has reached it: late, they must not bring the
  // withdrawn reply back.
  const lists = await holdLists(aigerim);
  await aigerim.goto("/inbox");
  const items = aigerim.locator(".inbox-item");
  await expect(items).toHaveCount(2);
  await expect(aigerim.getByRole("link", { name: "Notifications, 2 unread" })).toBeVisible();
  await expect.poll(lists.held).toBe(2);
  const withdrawn = await bolat.request.post(`/api/arguments/${hasty}/commands/argument:withdraw`, {
    data: { clientId: crypto.randomUUID() },
  });
  expect(withdrawn.status(), await withdrawn.text()).toBe(200);
  // Without reloading: the list keeps the considered reply alone...
  await expect(items).toHaveCount(1);
  // ...and so it stays once the lists asked for before are answered, the header counting one.
  await lists.answer();
  await expect(items).toHaveCount(1);
  await expect(aigerim.getByRole("heading", { level: 2, name: "1 unread" })).toBeVisible();
  await expect(aigerim.getByRole("link", { name: "Notifications, 1 unread" })).toBeVisible();
  await aigerim.getByRole("link", { name: /Bolat replied to your argument/ }).click();
  await expect(aigerim.getByText(`Considered words ${stamp}`)).toBeVisible();
});

test("P-NOTE-13: a reply a teacher hides and restores leaves the open inbox and comes back to it; its author's notice of the hiding comes and goes", async ({
  browser,
}) => {
  const { teacher, student, code, motionPath, close } = await teacherWithGuest(browser, {
    teacher: "Ms Ada Restore",
    space: "Year 10 Geography",
    motion: "Rivers shaped the towns more than roads did",
    guest: "Pia",
  });
  const motionId = motionPath.split("/").at(-1);
  const rui = await (await browser.newContext()).newPage();
  await new JoinPage(rui).joinAsGuest(code, "Rui");
  await expect(rui.getByRole("heading", { level: 1, name: "Year 10 Geography" })).toBeVisible();
  const post = async (page: Page, data: Record<string, unknown>) => {
    const answer = await page.request.post(`/api/motions/${motionId}/arguments`, {
      data: { citations: [], ...data },
    });
    expect(answer.status(), await answer.text()).toBe(201);
    return ((await answer.json()) as { id: string }).id;
  };
  const pias = await post(student, {
    relation: "for",
    parentId: null,
    body: "The river came first.",
  });
  const ruis = await post(rui, {
    relation: "attacks",
    parentId: pias,
    body: "The road came first.",
  });
  await student.goto("/inbox");
  await rui.goto("/inbox");
  const reply = student.getByRole("link", { name: /Rui replied to your argument/ });
  await expect(reply).toBeVisible();
  await expect(student.getByRole("link", { name: "Notifications, 1 unread" })).toBeVisible();
  const moderate = async (command: string, data: Record<string, unknown> = {}) => {
    const answer = await teacher.request.post(`/api/arguments/${ruis}/commands/${command}`, {
      data: { clientId: crypto.randomUUID(), ...data },
    });
    expect(answer.status(), await answer.text()).toBe(200);
  };

  // Hidden: the reply leaves Pia's open inbox, and Rui's hears why, without a reload.
  await moderate("moderation:hide", { reason: "Cite the map, please" });
  await expect(reply).toHaveCount(0);
  await expect(student.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  const hidden = rui.locator(".inbox-item").filter({ hasText: "Cite the map, please" });
  await expect(hidden).toBeVisible();
  await expect(rui.getByRole("link", { name: "Notifications, 1 unread" })).toBeVisible();

  // Restored: the reply is back in Pia's inbox, unread as she left it; Rui's notice goes.
  await moderate("moderation:restore");
  await expect(reply).toBeVisible();
  await expect(student.getByRole("link", { name: "Notifications, 1 unread" })).toBeVisible();
  await expect(hidden).toHaveCount(0);
  await expect(rui.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  await reply.click();
  await expect(student.getByText("The road came first.")).toBeVisible();
  await rui.context().close();
  await close();
});
