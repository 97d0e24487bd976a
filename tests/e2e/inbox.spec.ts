import { type Browser, expect, test } from "@playwright/test";
import { LiveMotionPage, SignUpPage, seriousViolations } from "./pages";
import { expectFitsPhoneAndLaptop } from "./pages/screens";

// A motion of its own: the other specs post on theirs.
const motionTitle =
  "Kazakhstan's multi-vector, “balanced” diplomacy is sustainable in the long run";

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
  const motionId = new URL(aigerim.url()).pathname.split("/")[2];
  const view = await (await bolat.request.get(`/api/motions/${motionId}`)).json();
  const parent = view.arguments.find(
    (arg: { body: string }) => arg.body === `Balance keeps doors open ${stamp}`,
  );
  const { documentId, exact, prefix, suffix, start, end } = parent.citations[0];
  const replies = [`Balance is drift ${stamp}`, `And costly ${stamp}`];
  for (const [i, body] of replies.entries()) {
    const posted = await bolat.request.post(`/api/motions/${motionId}/arguments`, {
      data: {
        parentId: parent.id,
        relation: "attacks",
        body,
        citations: [{ documentId, exact, prefix, suffix, start, end }],
      },
    });
    expect(posted.status()).toBe(201);
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
  let answerLists = () => {};
  const marked = new Promise<void>((resolve) => {
    answerLists = resolve;
  });
  let listsRead = 0;
  await aigerim.route("**/api/me/notifications", async (route) => {
    const asRead = await route.fetch();
    listsRead++;
    await marked;
    await route.fulfill({ response: asRead });
  });
  await aigerim.goto("/inbox");
  await expect(aigerim.getByRole("heading", { level: 2, name: "1 unread" })).toBeVisible();
  // The header's list and the inbox's, both read while one notification was unread.
  await expect.poll(() => listsRead).toBeGreaterThanOrEqual(2);
  const markAnswered = aigerim.waitForResponse((r) => r.url().endsWith("/notifications/read"));
  await aigerim.getByRole("button", { name: "Mark all read" }).click();
  await markAnswered;
  await expect(aigerim.getByRole("heading", { level: 2, name: "All read" })).toBeVisible();
  const lateLists = aigerim.waitForResponse((r) => r.url().endsWith("/api/me/notifications"));
  answerLists();
  await lateLists;
  await aigerim.unroute("**/api/me/notifications");
  await aigerim.waitForLoadState("networkidle");
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
  const motionId = new URL(aigerim.url()).pathname.split("/")[2];
  const view = await (await bolat.request.get(`/api/motions/${motionId}`)).json();
  const parent = view.arguments.find(
    (arg: { body: string }) => arg.body === `Balance pays in the end ${stamp}`,
  );
  const { documentId, exact, prefix, suffix, start, end } = parent.citations[0];
  const citation = { documentId, exact, prefix, suffix, start, end };
  const reply = async (body: string) => {
    const posted = await bolat.request.post(`/api/motions/${motionId}/arguments`, {
      data: { parentId: parent.id, relation: "attacks", body, citations: [citation] },
    });
    expect(posted.status(), await posted.text()).toBe(201);
    return ((await posted.json()) as { id: string }).id;
  };
  const hasty = await reply(`Hasty words ${stamp}`);
  await reply(`Considered words ${stamp}`);

  // The lists the page asks for as its connections open are read by the server at once and
  // handed to the page only after the withdrawal has reached it: late, they must not bring the
  // withdrawn reply back.
  let answerLists = () => {};
  const withdrawalHeard = new Promise<void>((resolve) => {
    answerLists = resolve;
  });
  let held = 0;
  await aigerim.route("**/api/me/notifications", async (route) => {
    const before = await route.fetch();
    held++;
    await withdrawalHeard;
    await route.fulfill({ response: before });
  });
  await aigerim.goto("/inbox");
  const items = aigerim.locator(".inbox-item");
  await expect(items).toHaveCount(2);
  await expect(aigerim.getByRole("link", { name: "Notifications, 2 unread" })).toBeVisible();
  await expect.poll(() => held).toBe(2);
  const withdrawn = await bolat.request.post(`/api/arguments/${hasty}/commands/argument:withdraw`, {
    data: { clientId: crypto.randomUUID() },
  });
  expect(withdrawn.status(), await withdrawn.text()).toBe(200);
  // Without reloading: the list keeps the considered reply alone...
  await expect(items).toHaveCount(1);
  // ...and so it stays once the lists asked for before are answered, the header counting one.
  const lateLists = aigerim.waitForResponse((r) => r.url().endsWith("/api/me/notifications"));
  answerLists();
  await lateLists;
  await aigerim.unroute("**/api/me/notifications");
  await aigerim.waitForLoadState("networkidle");
  await expect(items).toHaveCount(1);
  await expect(aigerim.getByRole("heading", { level: 2, name: "1 unread" })).toBeVisible();
  await expect(aigerim.getByRole("link", { name: "Notifications, 1 unread" })).toBeVisible();
  await aigerim.getByRole("link", { name: /Bolat replied to your argument/ }).click();
  await expect(aigerim.getByText(`Considered words ${stamp}`)).toBeVisible();
});
