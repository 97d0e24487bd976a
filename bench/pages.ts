/**
 * What a reader of a big debate costs: fills a motion with 1,000 arguments and one with 10,000
 * (bench/support/bigDebate.ts: through the domain commands, since the import takes at most 5,000
 * arguments), starts the real server on that database (building the pages first if the sources
 * changed) and, as a member with a session cookie, reads the motion page, the map, the projector,
 * GET /api/motions/:id/projector (what the projector reads again after events), GET
 * /api/motions/:id (the whole tree), one page of GET /api/motions/:id/arguments, the results page
 * and the sort page (the member's judging deck); as the space's moderator, the results page and
 * GET /api/motions/:id/participation (what each member did); and, with the largest debate only, the page of
 * the document every debate cites and its GET /api/documents/:id/coverage (the heat strip),
 * which count the citations of both debates:
 * - first, on the largest debate, the server's longest event-loop delay over the first request
 *   of each route after it started (and of GET /api/health before them);
 * - the bytes of the answer and its time to first byte, median and p90 of 11;
 * - how long the server's event loop was blocked meanwhile: the longest delay that
 *   perf_hooks.monitorEventLoopDelay saw in the server over those 11 and 3 more requests
 *   (bench/support/loopProbe.ts, loaded only into servers a bench starts), and the worst time of
 *   GET /api/health, asked every 5 ms from here during the 3 more, above its quiet median
 *   (both figures also for 2 s in which nothing else is asked: the noise of shared cores);
 * - for the pages in Chromium at 1366x768: Largest Contentful Paint (median of 5 loads),
 *   the DOM nodes after load, and on the motion page the time from a click on the first
 *   "Show N replies" to the next paint after its replies are on the page (median of the 5 loads);
 * - the motion page's first byte for the first reader after a vote, a rating, a post, a
 *   spotlight, a pin, an edit, a withdrawal and a hiding, as the member (the commands over REST;
 *   the spotlight, the pin and the hiding the moderator's), median of 5 each; and after a new
 *   version of the document the debates cite, the moderator's, median of 6.
 * Each figure with a target is marked ✓ or ✗ beside it; the targets are printed under the table,
 * and each route's row of `npm run bench`'s one table says whether it met them all.
 *
 *   npm run bench -- pages [sizes=1000,10000]
 *
 * PORT and MOOT_BENCH_LOOP_PORT choose the server's ports (free ones otherwise); it builds and
 * serves .next, so run it under the lock the browser tests take. PLAYWRIGHT_CHROMIUM names the
 * browser (/usr/bin/chromium by default).
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { type Browser, type BrowserContext, chromium } from "@playwright/test";
import { BENCH_SECRET, bigDebates, fetched, percentile } from "./support/bigDebate";
import { type Figure, ratioOf, report, times, within } from "./support/figures";
import { freePort, loopDelay, settled, startMoot } from "./support/servers";

const sizes = (process.argv[2] ?? "1000,10000").split(",").map(Number);
const RUNS = 11;
const PROBED_RUNS = 3;
const LOADS = 5;
const KB = 1024;

type Targets = {
  bytes?: number;
  /** Time to first byte (median) by size. */
  firstByteMs?: Record<number, number>;
  lcpMs?: Record<number, number>;
  domNodes?: number;
  expandMs?: Record<number, number>;
};
type Route = {
  name: string;
  path: (motionId: string) => string;
  page: boolean;
  targets: Targets;
  /** Read with the largest debate only: what it reads is not one motion's. */
  once?: boolean;
  /** Read as the space's moderator rather than as a member. */
  moderator?: boolean;
};

const pageTargets = { firstByteMs: { 1000: 100, 10000: 200 }, domNodes: 3000 };
const routes: Route[] = [
  {
    name: "motion page",
    path: (id) => `/motions/${id}`,
    page: true,
    targets: { ...pageTargets, bytes: 300 * KB, lcpMs: { 1000: 1000 }, expandMs: { 1000: 200 } },
  },
  {
    name: "map",
    path: (id) => `/motions/${id}/map`,
    page: true,
    targets: { ...pageTargets, bytes: 300 * KB, lcpMs: { 1000: 1500 } },
  },
  {
    name: "projector",
    path: (id) => `/motions/${id}/projector`,
    page: true,
    targets: { ...pageTargets, bytes: 100 * KB },
  },
  {
    name: "GET …/projector (its refresh)",
    path: (id) => `/api/motions/${id}/projector`,
    page: false,
    targets: { bytes: 100 * KB },
  },
  { name: "GET /api/motions/:id", path: (id) => `/api/motions/${id}`, page: false, targets: {} },
  {
    name: "results page (the room's)",
    path: (id) => `/motions/${id}/results`,
    page: true,
    targets: {},
  },
  {
    name: "results page (the moderator's)",
    path: (id) => `/motions/${id}/results`,
    page: true,
    targets: {},
    moderator: true,
  },
  {
    name: "GET …/participation (the moderator's)",
    path: (id) => `/api/motions/${id}/participation`,
    page: false,
    targets: {},
    moderator: true,
  },
  {
    name: "sort page (the judging deck)",
    path: (id) => `/motions/${id}/sort`,
    page: true,
    targets: {},
  },
  {
    name: "the cited document's page",
    path: () => `/documents/${citation.documentId}`,
    page: true,
    targets: {},
    once: true,
  },
  {
    name: "GET /api/documents/:id/coverage",
    path: () => `/api/documents/${citation.documentId}/coverage`,
    page: false,
    targets: {},
    once: true,
  },
  {
    name: "GET …/arguments?side=for&limit=20",
    path: (id) => `/api/motions/${id}/arguments?side=for&limit=20`,
    page: false,
    targets: {},
  },
];
/** At 10,000 arguments no request may block the event loop for longer. */
const BLOCK_TARGET_MS: Record<number, number> = { 10000: 50 };

const cookieOf = (route: Route) => (route.moderator ? moderatorCookie : cookie);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mark = (value: number, target: number | undefined) =>
  target === undefined || Number.isNaN(value) ? "" : value <= target ? " ✓" : " ✗";
const sizeOf = (bytes: number) =>
  bytes < 1024 * KB ? `${(bytes / KB).toFixed(1)} KB` : `${(bytes / KB / KB).toFixed(2)} MB`;
const ms = (value: number) =>
  Number.isNaN(value)
    ? "-"
    : value === Number.POSITIVE_INFINITY
      ? "> 30 s"
      : `${value.toFixed(0)} ms`;

const { dir, databaseUrl, cookie, moderatorCookie, motions, citation } = await bigDebates(
  "pages",
  sizes,
);
const loopPort = process.env.MOOT_BENCH_LOOP_PORT ?? (await freePort());
const moot = await startMoot({
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: BENCH_SECRET,
  MOOT_RATE_LIMIT_FACTOR: "1",
  PORT: process.env.PORT,
  MOOT_BENCH_LOOP_PORT: loopPort,
});

/** Runs `work` while GET /api/health is asked every 5 ms, one at a time: its times, in ms. */
async function probed(work: () => Promise<unknown>) {
  let done = false;
  const times: number[] = [];
  const probing = (async () => {
    while (!done) {
      const started = performance.now();
      await fetched(`${moot.url}/api/health`, "");
      times.push(performance.now() - started);
      await sleep(Math.max(0, 5 - (performance.now() - started)));
    }
  })();
  await work();
  done = true;
  await probing;
  return times;
}

async function overHttp(url: string, quietHealthMs: number, as: string) {
  const warm = await fetched(url, as);
  if (warm.status !== 200) throw new Error(`${url} answered ${warm.status}`);
  await loopDelay(loopPort);
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await fetched(url, as));
  const health = await probed(async () => {
    for (let i = 0; i < PROBED_RUNS; i += 1) await fetched(url, as);
  });
  const firstBytes = runs.map((run) => run.firstByteMs);
  return {
    bytes: warm.bytes,
    firstByteMs: percentile(firstBytes, 0.5),
    lastByteMs: percentile(
      runs.map((run) => run.lastByteMs),
      0.5,
    ),
    firstByteP90Ms: percentile(firstBytes, 0.9),
    loopMaxMs: (await loopDelay(loopPort)).maxMs,
    healthOverMs: Math.max(0, Math.max(...health) - quietHealthMs),
  };
}

/** Each event the motion page is read after, so many times, this far apart (10 posts in 20 s). */
const EVENT_RUNS = 5;
const EVENT_GAP_MS = 2_100;
const EVENTS = [
  "vote",
  "rating",
  "post",
  "spotlight",
  "pin",
  "edit",
  "withdrawal",
  "hiding",
] as const;

/** "a vote", "an edit". */
const named = (event: string) => `${/^[aeiou]/.test(event) ? "an" : "a"} ${event}`;

/**
 * Runs a command on a motion or an argument (`on`: "motions/:id" or "arguments/:id"), as the
 * member unless another session's Cookie header is given: its answer.
 */
async function command(on: string, name: string, body: object, as = cookie) {
  const response = await fetch(`${moot.url}/api/${on}/commands/${name}`, {
    method: "POST",
    headers: { cookie: as, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${name} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { id?: string };
}

/**
 * Arguments of other members (bench/support/bigDebate.ts names them) on one side: the newest, to
 * rate; two of the oldest, which the page holds only when the spotlight or a pin is on it; and a
 * third of the oldest, to hide.
 */
async function othersArguments(motionId: string) {
  const list = async (order: string) => {
    const response = await fetch(
      `${moot.url}/api/motions/${motionId}/arguments?side=for&order=${order}&limit=20`,
      { headers: { cookie } },
    );
    const page = (await response.json()) as {
      arguments: { id: string; author: { name: string } }[];
    };
    const theirs = page.arguments.filter((argument) => argument.author.name !== "Member 1");
    if (theirs.length < 3) throw new Error("no arguments of other members to rate and show");
    return theirs.map((argument) => argument.id);
  };
  const [newest] = await list("newest");
  const [oldest, nextOldest, hidden] = (await list("oldest")) as [string, string, string];
  return { rated: newest as string, shown: [oldest, nextOldest], hidden };
}

/**
 * A node's first read of each route after it starts, on one debate: the health check (a route
 * handler), then `routes` in order, each once, and the server's longest event-loop delay over
 * each. Each loads the code of its route, and the first of them reads the debate for the first
 * time; the other figures read each route once before they count.
 */
async function firstReads(motionId: string) {
  await loopDelay(loopPort);
  const held: { name: string; loopMaxMs: number }[] = [];
  const asked = [
    { name: "GET /api/health", path: "/api/health", as: cookie },
    ...routes.map((route) => ({
      name: route.name,
      path: route.path(motionId),
      as: cookieOf(route),
    })),
  ];
  for (const { name, path, as } of asked) {
    const answer = await fetched(`${moot.url}${path}`, as);
    if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}`);
    held.push({ name, loopMaxMs: (await loopDelay(loopPort)).maxMs });
  }
  return held;
}

/**
 * The motion page's first byte for the first reader after each of EVENTS (medians of
 * EVENT_RUNS): in a live debate a reader often arrives just after an event. The spotlight moves
 * between two of the oldest arguments, and the pin goes on and off one of them; the member edits
 * the post just made, then withdraws it; the moderator hides a third of the oldest and restores
 * it on the next run.
 */
async function afterEvents(motionId: string) {
  const page = `${moot.url}/motions/${motionId}`;
  const { rated, shown, hidden } = await othersArguments(motionId);
  const times = Object.fromEntries(EVENTS.map((event) => [event, [] as number[]])) as Record<
    (typeof EVENTS)[number],
    number[]
  >;
  for (let i = 0; i < EVENT_RUNS; i += 1) {
    const stance = i % 2 ? "for" : "against";
    const body = `A reader arrives just after this post, the ${i + 1}. of the bench.`;
    let posted = "";
    const send = {
      vote: () => command(`motions/${motionId}`, "motion:vote", { phase: "before", stance }),
      rating: () => command(`arguments/${rated}`, "argument:rate", { score: i % 5 }),
      post: async () => {
        const argument = await command(`motions/${motionId}`, "argument:post", {
          relation: "for",
          body,
          citations: [citation],
        });
        posted = argument.id ?? "";
      },
      spotlight: () =>
        command(
          `motions/${motionId}`,
          "argument:spotlight",
          { argumentId: shown[i % 2] },
          moderatorCookie,
        ),
      pin: () =>
        command(`arguments/${shown[1]}`, "argument:pin", { pinned: i % 2 === 0 }, moderatorCookie),
      edit: () => command(`arguments/${posted}`, "argument:edit", { body: `${body} Edited.` }),
      withdrawal: () => command(`arguments/${posted}`, "argument:withdraw", {}),
      hiding: () =>
        i % 2 === 0
          ? command(
              `arguments/${hidden}`,
              "moderation:hide",
              { reason: "Off topic" },
              moderatorCookie,
            )
          : command(`arguments/${hidden}`, "moderation:restore", {}, moderatorCookie),
    };
    for (const event of EVENTS) {
      await send[event]();
      times[event].push((await fetched(page, cookie)).firstByteMs);
    }
    await sleep(EVENT_GAP_MS);
  }
  return Object.fromEntries(
    EVENTS.map((event) => [event, percentile(times[event], 0.5)]),
  ) as Record<(typeof EVENTS)[number], number>;
}

/** New versions of the cited document the motion page is read after. */
const VERSION_RUNS = 6;

/**
 * The motion page's first byte for the first reader after a new version of the document the
 * debates cite (median of VERSION_RUNS), each re-anchoring every citation: the moderator adds a
 * line at its end, then takes it out again, so that the passage posts cite reads as it did.
 */
async function afterVersions(motionId: string) {
  const page = `${moot.url}/motions/${motionId}`;
  const documentUrl = `${moot.url}/api/documents/${citation.documentId}`;
  const read = await fetch(documentUrl, { headers: { cookie } });
  const { text } = (await read.json()) as { text: string };
  const times: number[] = [];
  for (let i = 0; i < VERSION_RUNS; i += 1) {
    const response = await fetch(`${documentUrl}/versions`, {
      method: "POST",
      headers: { cookie: moderatorCookie, "content-type": "application/json" },
      body: JSON.stringify({ text: i % 2 === 0 ? `${text}\n\nA line of a new version.` : text }),
    });
    if (!response.ok)
      throw new Error(`a new version answered ${response.status}: ${await response.text()}`);
    times.push((await fetched(page, cookie)).firstByteMs);
    await sleep(EVENT_GAP_MS);
  }
  return percentile(times, 0.5);
}

/**
 * Opens `url` in a new tab and waits for the load event and a quiet network: the last Largest
 * Contentful Paint candidate and the number of elements.
 */
async function load(context: BrowserContext, url: string) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load", timeout: 180_000 });
  await page.waitForLoadState("networkidle", { timeout: 30_000 }).catch(() => undefined);
  const lcpMs = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) =>
          resolve(list.getEntries().at(-1)?.startTime ?? Number.NaN),
        ).observe({
          type: "largest-contentful-paint",
          buffered: true,
        });
        setTimeout(() => resolve(Number.NaN), 2_000);
      }),
  );
  const domNodes = await page.evaluate(() => document.getElementsByTagName("*").length);
  return { page, lcpMs, domNodes };
}

type Waiting = { expanded?: Promise<number> };

/**
 * Clicks the first "Show N replies" once the page has hydrated it and measures, in the page,
 * from the click event to the next paint after its replies list has children: the list the
 * button's aria-controls names, or a list right under the button's item. NaN when there is no
 * such button; Infinity when the replies did not appear within 30 s.
 */
async function expand(page: Awaited<ReturnType<typeof load>>["page"]) {
  const button = page.locator("button.replies-toggle", { hasText: /^\s*Show/ }).first();
  if ((await button.count()) === 0) return Number.NaN;
  await button.evaluate(
    (element) =>
      new Promise<void>((resolve) => {
        const hydrated = () => Object.keys(element).some((key) => key.startsWith("__reactProps"));
        const check = () => (hydrated() ? resolve() : setTimeout(check, 20));
        check();
      }),
  );
  await button.evaluate((element) => {
    const item = element.parentElement;
    const shown = () => {
      const id = element.getAttribute("aria-controls");
      const list = id
        ? document.getElementById(id)
        : item?.querySelector(":scope > ul, :scope > ol");
      return Boolean(list && list.children.length > 0);
    };
    (window as Waiting).expanded = new Promise<number>((resolve) => {
      let clickedAt = 0;
      element.addEventListener(
        "click",
        (event) => {
          clickedAt = event.timeStamp;
        },
        { capture: true, once: true },
      );
      const observer = new MutationObserver(() => {
        if (!clickedAt || !shown()) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - clickedAt)));
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true });
      setTimeout(() => resolve(Number.POSITIVE_INFINITY), 30_000);
    });
  });
  await button.click();
  return page.evaluate(() => (window as Waiting).expanded as Promise<number>);
}

async function inBrowser(context: BrowserContext, url: string, withExpand: boolean) {
  const lcps: number[] = [];
  const expands: number[] = [];
  let domNodes = 0;
  for (let i = 0; i < LOADS; i += 1) {
    const loaded = await load(context, url);
    lcps.push(loaded.lcpMs);
    domNodes = loaded.domNodes;
    if (withExpand) expands.push(await expand(loaded.page));
    await loaded.page.close();
  }
  return {
    lcpMs: percentile(lcps, 0.5),
    domNodes,
    expandMs: withExpand ? percentile(expands, 0.5) : Number.NaN,
  };
}

const columns = [
  ["arguments", 9],
  ["route", 52],
  ["bytes", 12],
  ["first byte p50 / p90", 22],
  ["loop max", 11],
  ["health over", 11],
  ["LCP", 10],
  ["DOM nodes", 12],
  ["expand", 10],
] as const;
const line = (cells: string[]) =>
  cells
    .map((cell, i) =>
      i < 2 ? cell.padEnd(columns[i]?.[1] ?? 0) : cell.padStart(columns[i]?.[1] ?? 0),
    )
    .join("  ")
    .trimEnd();

/** A route's row of the one table: what it measured, beside every target it has at this size. */
function figureOf(
  route: Route,
  count: number,
  http: Awaited<ReturnType<typeof overHttp>>,
  seen: { lcpMs: number; domNodes: number; expandMs: number },
  quietLoopMs: number,
): Figure {
  const { targets } = route;
  const measured: [label: string, shown: string, value: number, limit: number | undefined][] = [
    ["", sizeOf(http.bytes), http.bytes, targets.bytes],
    ["first byte ", ms(http.firstByteMs), http.firstByteMs, targets.firstByteMs?.[count]],
    // An answer sent as it is read (the whole debate) starts long before it ends.
    [
      "last byte ",
      route.page ? "" : ms(http.lastByteMs),
      route.page ? Number.NaN : http.lastByteMs,
      undefined,
    ],
    ["LCP ", ms(seen.lcpMs), seen.lcpMs, targets.lcpMs?.[count]],
    ["DOM nodes ", seen.domNodes.toLocaleString("en"), seen.domNodes, targets.domNodes],
    ["expand ", ms(seen.expandMs), seen.expandMs, targets.expandMs?.[count]],
    ["loop max ", ms(http.loopMaxMs), http.loopMaxMs, BLOCK_TARGET_MS[count]],
  ];
  const shown = measured.filter(([, , value]) => !Number.isNaN(value));
  const judged = shown.filter(
    (entry): entry is [string, string, number, number] => entry[3] !== undefined,
  );
  const limitOf = (label: string, limit: number) =>
    label === ""
      ? `${limit / KB} KB`
      : label === "DOM nodes "
        ? limit.toLocaleString("en")
        : ms(limit);
  return {
    figure: `${route.name}, ${count.toLocaleString("en")} arguments`,
    moot: shown.map(([label, value]) => `${label}${value}`).join(", "),
    baseline: `quiet loop max ${ms(quietLoopMs)}`,
    ratio: "-",
    target:
      judged.map(([label, , , limit]) => `${label}<= ${limitOf(label, limit)}`).join(", ") || "-",
    met: judged.length
      ? within(...judged.map(([, , value, limit]): [number, number] => [value, limit]))
      : undefined,
  };
}

let browser: Browser | undefined;
try {
  // Before the browser starts: its processes starting up would take the cores from the server.
  const [firstCount, firstMotion] = motions.at(-1) as [number, string];
  await settled([moot]);
  const firsts = await firstReads(firstMotion);
  // The full browser, as people run it, not the tests' headless shell.
  execFileSync("bash", ["scripts/ensure-chromium.sh", "chromium"], { stdio: "inherit" });
  browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
  });
  const signedIn = async (as: string) => {
    const context = await (browser as Browser).newContext({
      viewport: { width: 1366, height: 768 },
    });
    const [name, ...value] = as.split("=");
    await context.addCookies([{ name: name ?? "", value: value.join("="), url: moot.url }]);
    // tsx keeps function names with a helper the page does not have; functions sent to the page use it.
    await context.addInitScript("globalThis.__name = (target) => target;");
    return context;
  };
  const context = await signedIn(cookie);
  const moderatorContext = await signedIn(moderatorCookie);

  const rows: string[] = [];
  const figures: Figure[] = [];
  for (const { name, loopMaxMs } of firsts) {
    const row = line([
      firstCount.toLocaleString("en"),
      `first read after a start: ${name}`,
      "",
      "",
      `${ms(loopMaxMs)}${mark(loopMaxMs, BLOCK_TARGET_MS[firstCount])}`,
    ]);
    rows.push(row);
    console.log(`  measured: ${row}`);
  }
  /** The longest event-loop delay over each route read again, at the size of the first reads. */
  let readAgainMs = 0;
  for (const [count, motionId] of motions) {
    let atRest = Number.NaN;
    await settled([moot]);
    await loopDelay(loopPort);
    const quiet = await probed(() => sleep(2_000));
    const quietLoop = await loopDelay(loopPort);
    const quietHealthMs = percentile(quiet, 0.5);
    // The noise floor: the same two figures while nothing else is asked (the cores are shared).
    const quietRow = line([
      count.toLocaleString("en"),
      `nothing asked, 2 s (/api/health ${quietHealthMs.toFixed(0)} ms)`,
      "",
      "",
      ms(quietLoop.maxMs),
      ms(Math.max(...quiet) - quietHealthMs),
      ...["", "", ""],
    ]);
    rows.push(quietRow);
    console.log(`  measured: ${quietRow}`);
    for (const route of routes) {
      if (route.once && count !== firstCount) continue;
      const url = `${moot.url}${route.path(motionId)}`;
      const { targets } = route;
      const http = await overHttp(url, quietHealthMs, cookieOf(route));
      const seen = route.page
        ? await inBrowser(
            route.moderator ? moderatorContext : context,
            url,
            Boolean(targets.expandMs),
          )
        : { lcpMs: Number.NaN, domNodes: Number.NaN, expandMs: Number.NaN };
      const blockTarget = BLOCK_TARGET_MS[count];
      const row = line([
        count.toLocaleString("en"),
        route.name,
        `${sizeOf(http.bytes)}${mark(http.bytes, targets.bytes)}`,
        `${ms(http.firstByteMs)}${mark(http.firstByteMs, targets.firstByteMs?.[count])} / ${ms(http.firstByteP90Ms)}`,
        `${ms(http.loopMaxMs)}${mark(http.loopMaxMs, blockTarget)}`,
        `${ms(http.healthOverMs)}${mark(http.healthOverMs, blockTarget)}`,
        `${ms(seen.lcpMs)}${mark(seen.lcpMs, targets.lcpMs?.[count])}`,
        `${Number.isNaN(seen.domNodes) ? "-" : seen.domNodes.toLocaleString("en")}${mark(seen.domNodes, targets.domNodes)}`,
        `${ms(seen.expandMs)}${mark(seen.expandMs, targets.expandMs?.[count])}`,
      ]);
      rows.push(row);
      console.log(`  measured: ${row}`);
      figures.push(figureOf(route, count, http, seen, quietLoop.maxMs));
      if (count === firstCount) readAgainMs = Math.max(readAgainMs, http.loopMaxMs);
      if (route === routes[0]) atRest = http.firstByteMs;
    }
    const after = {
      ...(await afterEvents(motionId)),
      "new version of its document": await afterVersions(motionId),
    };
    for (const [event, firstByteMs] of Object.entries(after)) {
      const row = line([
        count.toLocaleString("en"),
        `motion page after ${named(event)}`,
        "",
        `${ms(firstByteMs)} (first reader)`,
      ]);
      rows.push(row);
      console.log(`  measured: ${row}`);
      figures.push({
        figure: `motion page's first byte after ${named(event)}, ${count.toLocaleString("en")} arguments`,
        moot: ms(firstByteMs),
        baseline: `no event between ${ms(atRest)}`,
        ratio: `${(firstByteMs / atRest).toFixed(2)}x`,
        target: "-",
      });
    }
  }
  const worst = firsts.reduce((a, b) => (b.loopMaxMs > a.loopMaxMs ? b : a));
  const firstTarget = BLOCK_TARGET_MS[firstCount];
  figures.push({
    figure: `a node's first read of each route after it starts, ${firstCount.toLocaleString("en")} arguments`,
    moot: `loop max ${ms(worst.loopMaxMs)} (${worst.name})`,
    baseline: `read again: loop max ${ms(readAgainMs)}`,
    ratio: times(ratioOf(worst.loopMaxMs, readAgainMs)),
    target: firstTarget ? `<= ${ms(firstTarget)}` : "-",
    met: firstTarget ? within([worst.loopMaxMs, firstTarget]) : undefined,
  });
  console.log(`\n${line(columns.map(([title]) => title))}`);
  for (const row of rows) console.log(row);
  console.log(`
first read after a start: the server's longest event-loop delay over the first request of each
route after it started (its code loaded; the first page reads the debate for the first time).
first byte: median and p90 of ${RUNS}; last byte (the routes that are not pages): their median. loop max: the server's longest event-loop delay over those
and ${PROBED_RUNS} more; health over: the worst GET /api/health, asked every 5 ms during the ${PROBED_RUNS} more,
above its median while nothing else is asked. LCP: median of ${LOADS} loads at 1366x768; DOM nodes
after load; expand: a click on the first "Show N replies" to the next paint with its replies
(median of ${LOADS}; "-" where there is no such button). After a vote, a rating, a post, a
spotlight, a pin, an edit, a withdrawal, a hiding (or its restore, every other run): the motion
page's first byte for the first reader after each (median of ${EVENT_RUNS}); after a new version of
the document the debates cite (a line added, then taken out): the same, median of ${VERSION_RUNS}.
Targets: the motion page and the map <= 300 KB, the projector and its refresh <= 100 KB at any size;
pages' first byte <= 100 ms at 1,000 and <= 200 ms at 10,000; <= 3,000 DOM nodes; the motion
page's LCP <= 1.0 s and expanding <= 200 ms at 1,000; the map's LCP <= 1.5 s at 1,000; at 10,000
no request blocks the event loop for more than 50 ms.`);
  report("pages", figures);
} finally {
  await browser?.close();
  await moot.stop();
  rmSync(dir, { recursive: true, force: true });
}
