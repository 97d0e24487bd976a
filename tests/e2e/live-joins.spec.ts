import { expect, test } from "@playwright/test";
import { teacherOpensMotion } from "./pages";
import { connectWith, sessionCookieOf } from "./pages/sockets";

// A page joins its motion's room once and stays current from the events that arrive; it joins
// again only for what it lacks (P-JOIN-7). In a busy room several messages can arrive before the
// page renders again: each must be read on from the one before, not from what was rendered, or
// every one of them looks like a gap and costs a join (30 a minute for an account).

test("P-JOIN-7: a page that falls behind a busy room's messages catches up without joining again", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { motionPath } = await teacherOpensMotion(
    page,
    { name: "Bo Busyroom", email: `bo-${Date.now()}@school.test`, password: "bo's long password" },
    "A busy seminar",
    "Busy rooms keep every page current",
  );
  const motionId = motionPath.split("/").at(-1) ?? "";

  // The joins the page sends, counted from its first connection.
  const joins: string[] = [];
  page.on("websocket", (socket) =>
    socket.on("framesent", ({ payload }) => {
      if (String(payload).includes('"motion:join"')) joins.push(String(payload));
    }),
  );
  await page.reload();
  await expect(page.getByText("Connecting…")).toHaveCount(0);
  await expect.poll(() => joins.length).toBe(1);

  // The same member posts from another device while this page's thread is busy: the four
  // events, one message each, wait together and are read one after the other before it renders.
  const session = sessionCookieOf(await context.cookies());
  const device = await connectWith(baseURL ?? "", `${session.name}=${session.value}`);
  const busy = page.evaluate(() => {
    const until = performance.now() + 2_000;
    while (performance.now() < until) {}
  });
  for (let n = 1; n <= 4; n++) {
    const answer = await device.emitWithAck("argument:post", {
      motionId,
      clientId: crypto.randomUUID(),
      parentId: null,
      relation: n % 2 ? "for" : "against",
      body: `Busy post ${n}`,
      citations: [],
    });
    expect(answer.ok).toBe(true);
  }
  await busy;

  for (let n = 1; n <= 4; n++) await expect(page.getByText(`Busy post ${n}`)).toBeVisible();
  expect(joins).toHaveLength(1);
  device.disconnect();
  await context.close();
});
