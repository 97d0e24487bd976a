import {
  type Browser,
  type BrowserContext,
  expect,
  type Locator,
  type Page,
  test,
} from "@playwright/test";
import { debateExport, hostWithImport, JoinPage } from "./pages";

// A debate of 1,000 arguments, brought in at once by the import (one transaction through the
// domain's command), read by a member who did not write it: the motion's page holds the start
// of it and loads the rest as the reader asks. Argument n is "Argument n.", posted n seconds
// after the first:
// - 1 to 400 are top-level, odd ones for the motion, even ones against (200 a side);
// - 401 to 700 reply to the 30 newest top-level ones (371 to 400), ten each;
// - 701 to 996 reply to 401 to 696, one each;
// - 997 replies to 1, 998 to 997, 999 to 998 and 1000 to 999: a thread under the oldest
//   argument for the motion, five levels down, that the page does not hold at first.
// The page holds the 15 newest a side and three replies under each of the first ten of them
// (399 to 381): 60 arguments.

const SIZE = 1_000;
const at = (n: number) => new Date(Date.UTC(2026, 0, 5, 9, 0, n)).toISOString();
const parentOf = (n: number): number | null => {
  if (n <= 400) return null;
  if (n <= 700) return 371 + ((n - 401) % 30);
  if (n <= 996) return n - 300;
  return n === 997 ? 1 : n - 1;
};

function debateFile() {
  const args = Array.from({ length: SIZE }, (_, i) => {
    const n = i + 1;
    const parent = parentOf(n);
    return {
      id: `a${n}`,
      parentId: parent === null ? null : `a${parent}`,
      relation: parent === null ? (n % 2 ? "for" : "against") : n % 2 ? "supports" : "attacks",
      body: `Argument ${n}.`,
      author: { name: `Member ${(n % 7) + 1}` },
      pseudonym: (n % 7) + 1,
      status: "published",
      createdAt: at(n),
      citations: [],
    };
  });
  return debateExport("The harbour town should keep its winter rail line", args);
}

interface Node {
  id: string;
  body: string;
  children: Node[];
}

/** Set up once: the moderator who imported the debate, and the member who reads it. */
let motionId = "";
/** Each argument's id on the page, by its number. */
const ids = new Map<number, string>();
let moderator: BrowserContext;
let reader: BrowserContext;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  test.setTimeout(120_000);
  const hosted = await hostWithImport<{ id: string; arguments: Node[] }>(
    browser,
    {
      name: "Hana Harbour",
      email: `big-debate-${Date.now()}@school.test`,
      password: "Hana's long password",
    },
    "Harbour town seminar",
    debateFile(),
  );
  const { code, motion } = hosted;
  moderator = hosted.context;
  motionId = motion.id;
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      ids.set(Number(/^Argument (\d+)\.$/.exec(node.body)?.[1]), node.id);
      walk(node.children);
    }
  };
  walk(motion.arguments);
  expect(ids.size).toBe(SIZE);
  await hosted.page.close();

  // Every imported argument is the importer's, and a page holds its reader's own whole: the
  // reader here is another member, a guest who joins with the code.
  reader = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const guest = await reader.newPage();
  await new JoinPage(guest).joinAsGuest(code, "Ilyas Reader");
  await expect(
    guest.getByRole("heading", { level: 1, name: "Harbour town seminar" }),
  ).toBeVisible();
  await guest.close();
});

test.afterAll(async () => {
  await reader?.close();
  await moderator?.close();
});

const idOf = (n: number) => ids.get(n) as string;
/** The list item of argument n on the page. */
const item = (page: Page, n: number) => page.locator(`li#argument-${idOf(n)}`);

/**
 * Before the page's scripts: a stand-in for React's developer tools hook that notes, at each
 * commit, which argument items React drew (their props are a new object only when it drew
 * them; an item it skipped keeps the old ones). `window.drawn` collects their element ids.
 */
function noteDrawnItems() {
  type Fiber = {
    type: unknown;
    memoizedProps: { id?: unknown; className?: unknown } | null;
    return: Fiber | null;
    child: Fiber | null;
    sibling: Fiber | null;
  };
  const seen = new Map<string, unknown>();
  const drawn: string[] = [];
  const visit = (first: Fiber | null) => {
    for (let fiber = first; fiber; fiber = fiber.sibling) {
      const props = fiber.memoizedProps;
      if (
        fiber.type === "li" &&
        typeof props?.id === "string" &&
        String(props.className).startsWith("argument ")
      ) {
        const own = fiber.return?.memoizedProps;
        if (seen.get(props.id) !== own) drawn.push(props.id);
        seen.set(props.id, own);
      }
      visit(fiber.child);
    }
  };
  Object.assign(window, {
    drawn,
    __REACT_DEVTOOLS_GLOBAL_HOOK__: {
      supportsFiber: true,
      renderers: new Map(),
      inject: () => 1,
      onCommitFiberRoot: (_: number, root: { current: Fiber }) => visit(root.current),
      onCommitFiberUnmount: () => {},
      onPostCommitFiberRoot: () => {},
      checkDCE: () => {},
    },
  });
}

async function openMotion(hash = "", { probe = false } = {}) {
  const page = await reader.newPage();
  // Each test reads as on a first visit: an order a test before it chose is kept in the
  // browser (app/motions/[id]/live/useRememberedOrder.ts) and would open the page in it.
  await page.addInitScript(() => localStorage.removeItem("moot:argument-order"));
  if (probe) await page.addInitScript(noteDrawnItems);
  await page.goto(`/motions/${motionId}${hash}`);
  await expect(page.getByText("Connecting…")).toHaveCount(0);
  return page;
}

test("the page of a 1,000-argument debate holds its start, and loads more arguments and folded replies on request", async () => {
  const page = await openMotion();
  const forSide = page.getByRole("region", { name: "For the motion" });
  const againstSide = page.getByRole("region", { name: "Against the motion" });
  await expect(forSide.getByRole("heading", { level: 3 })).toHaveText(
    "For the motion · 200 arguments",
  );
  await expect(againstSide.getByRole("heading", { level: 3 })).toHaveText(
    "Against the motion · 200 arguments",
  );
  // The 15 newest a side and three replies under each of the first ten: far from 1,000.
  await expect(page.locator("li.argument")).toHaveCount(60);
  await expect(forSide.locator("li.argument").first()).toContainText("Argument 399.");
  await expect(item(page, 399).getByRole("button", { name: "Show 7 more replies" })).toBeVisible();

  const more = forSide.getByRole("button", { name: /^Show more arguments for the motion/ });
  await expect(more).toHaveText("Show more arguments for the motion (185 not shown)");
  await more.click();
  await expect(page.locator("li.argument")).toHaveCount(80);
  await expect(more).toHaveText("Show more arguments for the motion (165 not shown)");
  // The next 20 for the motion, newest first, after the 15 it held; the first has the focus.
  await expect(item(page, 369)).toBeVisible();
  await expect(item(page, 369)).toBeFocused();
  await expect(item(page, 331)).toBeVisible();
  await expect(item(page, 329)).toHaveCount(0);

  // 379 is held, its replies not: folded, they load when opened, here with the keyboard.
  const toggle = item(page, 379).getByRole("button", { name: "Show 20 replies" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.focus();
  await page.keyboard.press("Enter");
  const replies = page.locator(`#replies-${idOf(379)} > li.argument`);
  await expect(replies).toHaveCount(10);
  await expect(replies.first()).toContainText("Argument 679.");
  await expect(item(page, 379).locator(".replies-toggle").first()).toHaveText("Hide 20 replies");
  await expect(item(page, 409).getByRole("button", { name: "Show 1 reply" })).toBeVisible();
  await expect(page.locator("li.argument")).toHaveCount(90);
  // The rest, with the keyboard: the button goes, and the focus goes to the first that came
  // rather than back to the page's start.
  await item(page, 399).getByRole("button", { name: "Show 7 more replies" }).focus();
  await page.keyboard.press("Enter");
  const under399 = page.locator(`#replies-${idOf(399)} > li.argument`);
  await expect(under399).toHaveCount(10);
  await expect(item(page, 399).getByRole("button", { name: /more replies/ })).toHaveCount(0);
  await expect(under399.nth(3)).toBeFocused();
  await page.close();
});

test("a link to the 1,000th argument, five levels down and not held, opens its thread and highlights it", async () => {
  const page = await openMotion(`#argument-${idOf(1000)}`);
  const linked = item(page, 1000);
  await expect(linked).toBeVisible();
  await expect(linked).toHaveClass(/argument-linked/);
  await expect(linked).toBeFocused();
  await expect(linked).toBeInViewport();
  await expect(linked.locator(".argument-body").first()).toHaveText("Argument 1000.");
  // Its thread above it, from the oldest argument for the motion down.
  await expect(
    page
      .getByRole("region", { name: "For the motion" })
      .locator([1, 997, 998, 999, 1000].map((n) => `li#argument-${idOf(n)}`).join(" > ul > ")),
  ).toHaveCount(1);
  await expect(page.locator("li.argument-linked")).toHaveCount(1);
  // Argument 1 is far down the newest first: it shows after the way on to the ones between.
  const forSide = page.getByRole("region", { name: "For the motion" });
  await expect(forSide.getByText("Further down in this order:")).toBeVisible();
  const further = forSide.locator("ul.argument-tree").nth(1).locator(":scope > li.argument");
  await expect(further).toHaveCount(1);
  await expect(further.first()).toHaveAttribute("id", `argument-${idOf(1)}`);
  await page.close();
});

test("a link to no argument of the debate says so, until the address names one that is", async () => {
  const page = await openMotion("#argument-0f0f0f0f-0000-4000-8000-000000000001");
  const alert = page.getByRole("alert").filter({ hasText: "The argument this link points to" });
  await expect(alert).toBeVisible();
  // Held by the page: nothing to load, and the word about the last link goes.
  await page.evaluate((id) => {
    window.location.hash = `argument-${id}`;
  }, idOf(399));
  await expect(item(page, 399)).toBeFocused();
  await expect(alert).toHaveCount(0);
  await page.close();
});

test("read in another order, a side shows its start in that order, the way on, then what the page holds further down, and again once the debate is read whole again", async () => {
  const page = await openMotion();
  const forSide = page.getByRole("region", { name: "For the motion" });
  await page.getByLabel("Order").selectOption({ label: "Strongest first" });
  // None rated, the strongest are the oldest: the first 20 for the motion are 1 to 39.
  const more = forSide.getByRole("button", { name: /^Show more arguments for the motion/ });
  await expect(more).toHaveText("Show more arguments for the motion (165 not shown)");
  const reached = forSide.locator("ul.argument-tree").first().locator(":scope > li.argument");
  await expect(reached).toHaveCount(20);
  await expect(reached.first()).toHaveAttribute("id", `argument-${idOf(1)}`);
  await expect(reached.last()).toHaveAttribute("id", `argument-${idOf(39)}`);
  // The 15 newest it held come far later in this order: after the way on, under a note.
  await expect(forSide.getByText("Further down in this order:")).toBeVisible();
  const further = forSide.locator("ul.argument-tree").nth(1).locator(":scope > li.argument");
  await expect(further).toHaveCount(15);
  await expect(further.first()).toHaveAttribute("id", `argument-${idOf(371)}`);
  // The next 20 come in above the way on, the first of them focused.
  await more.click();
  await expect(reached).toHaveCount(40);
  await expect(reached.nth(20)).toHaveAttribute("id", `argument-${idOf(41)}`);
  await expect(reached.nth(20)).toBeFocused();
  await expect(more).toHaveText("Show more arguments for the motion (145 not shown)");
  await expect(further).toHaveCount(15);

  // Read whole again (names hidden, then shown: each reads the debate again, its start in the
  // newest first), the page still reads it strongest first: that start again, then the rest.
  for (const anonymous of [true, false]) {
    const changed = await moderator.request.post(
      `/api/motions/${motionId}/commands/motion:settings`,
      { data: { clientId: crypto.randomUUID(), settings: { anonymous } } },
    );
    expect(changed.status(), await changed.text()).toBe(200);
    await expect(item(page, 371).locator(":scope > article")).toHaveAttribute(
      "aria-label",
      anonymous ? /: Participant \d+\b/ : /: Member \d+\b/,
    );
    await expect(reached).toHaveCount(20);
    await expect(reached.first()).toHaveAttribute("id", `argument-${idOf(1)}`);
    await expect(more).toHaveText("Show more arguments for the motion (165 not shown)");
    await expect(further).toHaveCount(15);
  }
  await page.close();
});

test("a reader whose browser keeps Strongest first opens the debate in it: each side's start read in that order", async () => {
  const page = await reader.newPage();
  await page.addInitScript(() => localStorage.setItem("moot:argument-order", "strength"));
  await page.goto(`/motions/${motionId}`);
  await expect(page.getByText("Connecting…")).toHaveCount(0);
  await expect(page.getByLabel("Order")).toHaveValue("strength");
  const forSide = page.getByRole("region", { name: "For the motion" });
  const reached = forSide.locator("ul.argument-tree").first().locator(":scope > li.argument");
  await expect(reached).toHaveCount(20);
  await expect(reached.first()).toHaveAttribute("id", `argument-${idOf(1)}`);
  await expect(
    forSide.getByRole("button", { name: /^Show more arguments for the motion/ }),
  ).toHaveText("Show more arguments for the motion (165 not shown)");
  await page.close();
});

test("the map of a 1,000-argument debate opens on the motion and the arguments below it, in a frame as tall as the screen allows", async () => {
  const page = await reader.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`/motions/${motionId}/map`);
  const frame = page.locator(".map-canvas");
  const motion = page.locator(".react-flow__node-motion");
  await expect(motion).toBeVisible();
  const inFrame = async (card: Locator) => {
    const [outer, inner] = [await frame.boundingBox(), await card.boundingBox()];
    if (!outer || !inner) return false;
    return (
      inner.x >= outer.x &&
      inner.y >= outer.y &&
      inner.x + inner.width <= outer.x + outer.width &&
      inner.y + inner.height <= outer.y + outer.height
    );
  };
  // xyflow places the cards a frame or two after it draws them.
  await expect.poll(() => inFrame(motion)).toBe(true);
  // Arguments for and against below it are in the frame too, their words there to read.
  for (const side of ["For the motion", "Against the motion"]) {
    const answers = page.locator(".react-flow__node-argument").filter({ hasText: side });
    await expect
      .poll(async () => {
        for (const card of await answers.all()) if (await inFrame(card)) return true;
        return false;
      })
      .toBe(true);
  }
  // Far wider than the screen, the map is not squeezed into the floor of its frame (18rem).
  expect((await frame.boundingBox())?.height).toBeGreaterThan(400);
  await page.close();
});

test("live: a reply and a new argument posted by another member show up in place, counts and all", async () => {
  const page = await openMotion("", { probe: true });
  const drawn = () => page.evaluate(() => (window as unknown as { drawn: string[] }).drawn.length);
  const parent = item(page, 399);
  await expect(parent).toBeVisible();
  const toggle = parent.locator(":scope > .replies-toggle");
  // Read on an earlier visit, its replies may start folded: the reader opens them.
  await expect(toggle).toHaveText(/^(Show|Hide) 19 replies$/);
  if ((await toggle.textContent())?.startsWith("Show")) await toggle.click();
  await expect(toggle).toHaveText("Hide 19 replies");
  await expect(page.locator(`#replies-${idOf(399)} > li.argument`)).toHaveCount(3);
  const against = page.getByRole("region", { name: "Against the motion" });
  await expect(against.getByRole("heading", { level: 3 })).toHaveText(
    "Against the motion · 200 arguments",
  );
  // A mark on an argument the events do not touch: the very same element should stay.
  await item(page, 397).evaluate((element) => {
    (element as HTMLElement & { marked?: boolean }).marked = true;
  });
  // Every item on the page was drawn, at least once each, before the events.
  await expect.poll(drawn).toBeGreaterThanOrEqual(await page.locator("li.argument").count());
  const drawnBefore = await drawn();

  const host = await moderator.newPage();
  const post = async (body: object) => {
    const response = await host.request.post(`/api/motions/${motionId}/arguments`, {
      data: { citations: [], ...body },
    });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const replyId = await post({
    parentId: idOf(399),
    relation: "attacks",
    body: "A reply posted live.",
  });
  const reply = page
    .locator(`#replies-${idOf(399)} > li.argument`)
    .filter({ hasText: "A reply posted live." });
  await expect(reply).toBeVisible();
  await expect(toggle).toHaveText("Hide 20 replies");
  await expect(parent.getByRole("button", { name: "Show 7 more replies" })).toBeVisible();

  const newId = await post({
    parentId: null,
    relation: "against",
    body: "An argument posted live.",
  });
  await expect(against.getByRole("heading", { level: 3 })).toHaveText(
    "Against the motion · 201 arguments",
  );
  await expect(against.locator("li.argument").first()).toContainText("An argument posted live.");
  await expect(
    against.getByRole("button", { name: /^Show more arguments against the motion/ }),
  ).toHaveText("Show more arguments against the motion (185 not shown)");

  expect(
    await item(page, 397).evaluate((element) =>
      Boolean((element as HTMLElement & { marked?: boolean }).marked),
    ),
  ).toBe(true);
  // React drew the new items and the one whose replies changed, and none of the others.
  const since = await page.evaluate(
    (from) => (window as unknown as { drawn: string[] }).drawn.slice(from),
    drawnBefore,
  );
  const numbers = new Map([...ids].map(([n, id]) => [`argument-${id}`, String(n)]));
  expect(
    [...new Set(since)].sort(),
    `drawn: ${since.map((id) => numbers.get(id) ?? id).join(", ")}`,
  ).toEqual([idOf(399), replyId, newId].map((id) => `argument-${id}`).sort());
  await host.close();
  await page.close();
});

/** The reader's page in an order, and the first argument it lists for the motion. */
async function listedFirst(order: "Latest activity" | "Strongest first") {
  const page = await openMotion();
  await page.getByLabel("Order").selectOption({ label: order });
  const forSide = page.getByRole("region", { name: "For the motion" });
  return { page, first: forSide.locator("ul.argument-tree > li.argument").first() };
}

test("P-LIVE-2, P-LIVE-5: in Latest activity, a reply to an old thread the page does not hold brings that thread to the top, and withdrawn, takes it back down", async () => {
  const { page, first } = await listedFirst("Latest activity");
  await expect(first).toHaveAttribute("id", `argument-${idOf(399)}`);
  // Argument 3, for the motion and among the oldest, is not on the page.
  await expect(item(page, 3)).toHaveCount(0);
  const host = await moderator.newPage();
  const replied = await host.request.post(`/api/motions/${motionId}/arguments`, {
    data: {
      parentId: idOf(3),
      relation: "supports",
      body: "An old thread, answered.",
      citations: [],
    },
  });
  expect(replied.status(), await replied.text()).toBe(201);
  await expect(first).toHaveAttribute("id", `argument-${idOf(3)}`);
  await expect(first).toContainText("Argument 3.");
  // Its only reply withdrawn, the thread's latest activity is its own again, months ago.
  const { id: replyId } = (await replied.json()) as { id: string };
  const withdrawn = await host.request.post(
    `/api/arguments/${replyId}/commands/argument:withdraw`,
    { data: { clientId: crypto.randomUUID() } },
  );
  expect(withdrawn.status(), await withdrawn.text()).toBe(200);
  await expect(first).toHaveAttribute("id", `argument-${idOf(399)}`);
  await host.close();
  await page.close();
});

test("P-LIVE-2: in Strongest first, a rating that lifts an argument the page does not hold brings it to the top of its side", async () => {
  const { page, first } = await listedFirst("Strongest first");
  await expect(first).toBeVisible();
  // Argument 201, for the motion and unrated as all the others are, is not on the page.
  await expect(item(page, 201)).toHaveCount(0);
  const rater = await reader.newPage();
  const rated = await rater.request.post(`/api/arguments/${idOf(201)}/commands/argument:rate`, {
    data: { clientId: crypto.randomUUID(), score: 4 },
  });
  expect(rated.status(), await rated.text()).toBe(200);
  await expect(first).toHaveAttribute("id", `argument-${idOf(201)}`);
  await expect(first).toContainText("Argument 201.");
  await rater.close();
  await page.close();
});

test("P-LIVE-3: arguments the page does not hold, restored or hidden, count as a page read now would count them, and show where their list reaches them", async () => {
  const host = await moderator.newPage();
  const patch = async (id: string, data: object) => {
    const response = await host.request.patch(`/api/arguments/${id}`, { data });
    expect(response.status(), await response.text()).toBe(200);
  };
  // Argument 1, the oldest for the motion, has replies: hidden, it stays as a placeholder, counted.
  await patch(idOf(1), { status: "hidden", reason: "Checked again later" });
  const page = await openMotion();
  const forSide = page.getByRole("region", { name: "For the motion" });
  const heading = forSide.getByRole("heading", { level: 3 });
  await expect(heading).toHaveText(/^For the motion · \d+ arguments$/);
  const total = Number(/(\d+) arguments/.exec((await heading.textContent()) ?? "")?.[1]);
  const counted = (n: number) => `For the motion · ${n} arguments`;
  await expect(item(page, 1)).toHaveCount(0);

  await patch(idOf(1), { status: "published" });
  // Once an event after the restore shows, the restore has been applied.
  const after = await host.request.post(`/api/motions/${motionId}/arguments`, {
    data: { parentId: null, relation: "against", body: "Posted after the restore.", citations: [] },
  });
  expect(after.status(), await after.text()).toBe(201);
  await expect(page.getByText("Posted after the restore.")).toBeVisible();
  await expect(heading).toHaveText(counted(total));
  await expect(item(page, 1)).toHaveCount(0);
  // Argument 5, for the motion with nothing under it, hidden now: it leaves the count.
  await patch(idOf(5), { status: "hidden", reason: "Off topic" });
  await expect(heading).toHaveText(counted(total - 1));

  // Read to the end of its side, it stands last, once, with its replies to open.
  const more = forSide.getByRole("button", { name: /^Show more arguments for the motion/ });
  while (await more.isVisible()) {
    const shown = await forSide.locator("li.argument").count();
    await more.click();
    await expect.poll(() => forSide.locator("li.argument").count()).toBeGreaterThan(shown);
  }
  await expect(forSide.locator("ul.argument-tree > li.argument").last()).toHaveAttribute(
    "id",
    `argument-${idOf(1)}`,
  );
  await expect(item(page, 1)).toHaveCount(1);
  await expect(item(page, 5)).toHaveCount(0);
  await expect(forSide.locator("ul.argument-tree > li.argument")).toHaveCount(total - 1);
  await item(page, 1).getByRole("button", { name: "Show 4 replies" }).click();
  await expect(item(page, 997)).toContainText("Argument 997.");
  await host.close();
  await page.close();
});

test("with approval on, a participant's reply deep in a thread the moderator's page does not hold reaches their queue at once", async () => {
  const desk = await moderator.newPage();
  await desk.goto(`/motions/${motionId}`);
  await expect(desk.getByText("Connecting…")).toHaveCount(0);
  // Argument 1000 is five levels down under the oldest argument: not on the moderator's page.
  await expect(desk.locator(`li#argument-${idOf(1000)}`)).toHaveCount(0);
  const settings = await desk.request.post(`/api/motions/${motionId}/commands/motion:settings`, {
    data: { clientId: crypto.randomUUID(), settings: { approvalRequired: true } },
  });
  expect(settings.status(), await settings.text()).toBe(200);
  const queue = desk.getByRole("region", { name: /^Waiting for approval/ });
  await expect(queue.getByRole("heading")).toHaveText("Waiting for approval (0)");

  const student = await reader.newPage();
  const posted = await student.request.post(`/api/motions/${motionId}/arguments`, {
    data: { parentId: idOf(1000), relation: "attacks", body: "A reply that waits.", citations: [] },
  });
  expect(posted.status(), await posted.text()).toBe(201);
  await expect(queue.getByRole("heading")).toHaveText("Waiting for approval (1)");
  await expect(queue.getByText("A reply that waits.")).toBeVisible();
  await queue.getByRole("button", { name: "Approve" }).click();
  await expect(queue.getByRole("heading")).toHaveText("Waiting for approval (0)");
  // Approved, it stands in its thread, which the page now holds.
  await expect(desk.locator(`li#argument-${idOf(1000)}`)).toContainText("A reply that waits.");
  await student.close();
  await desk.close();
});

test("new replies the page does not hold are counted on the threads it loads later, as on those it held", async () => {
  // The reader has read everything so far.
  const summary = await reader.request.get(`/api/motions/${motionId}?view=summary`);
  const { seq } = (await summary.json()) as { seq: number };
  const read = await reader.request.post(`/api/motions/${motionId}/read`, { data: { seq } });
  expect(read.status(), await read.text()).toBe(200);
  // Then a reply to 709, under 409, one of 379's replies: the page holds 379 but none below it.
  const host = await moderator.newPage();
  const replied = await host.request.post(`/api/motions/${motionId}/arguments`, {
    data: {
      parentId: idOf(709),
      relation: "supports",
      body: "A reply deep in a folded thread.",
      citations: [],
    },
  });
  expect(replied.status(), await replied.text()).toBe(201);
  await host.close();

  const page = await openMotion();
  // The line at the top counts it too, and says where it is.
  const sinceVisit = page.locator(".new-since-visit");
  await expect(sinceVisit).toContainText("1 new since your last visit");
  await expect(sinceVisit).toContainText("In replies not loaded yet");
  await expect(sinceVisit.getByRole("button", { name: "Go to the next new argument" })).toHaveCount(
    0,
  );
  await item(page, 379).getByRole("button", { name: "Show 21 replies, 1 new" }).click();
  // Loaded now, each level says what is new below it, down to the reply.
  const under409 = item(page, 409).getByRole("button", { name: "Show 2 replies, 1 new" });
  await expect(under409).toBeVisible();
  await under409.click();
  const under709 = item(page, 709).getByRole("button", { name: "Show 1 reply, 1 new" });
  await expect(under709).toBeVisible();
  await under709.click();
  const reply = page.getByText("A reply deep in a folded thread.");
  await expect(reply).toBeVisible();
  await expect(page.locator("li.argument-new").filter({ has: reply })).toHaveCount(1);
  // Loaded, it is counted once, and the way to it is the button's.
  await expect(sinceVisit).toContainText("1 new since your last visit");
  await expect(sinceVisit).not.toContainText("not loaded yet");
  await sinceVisit.getByRole("button", { name: "Go to the next new argument" }).click();
  await expect(page.locator("li.argument:focus")).toContainText("A reply deep in a folded thread.");
  await page.close();
});
