import { expect, type Page, test } from "@playwright/test";
import {
  ArgumentMapPage,
  debateExport,
  MotionPage,
  SignUpPage,
  SpacesPage,
  seriousViolations,
} from "./pages";
import { expectFits, laptop, phone, projector } from "./pages/screens";
import { Fingers } from "./pages/touch";

// A demo motion no other spec posts on: the map draws its sample debate and the arguments
// posted here.
const motionTitle = "The United States should deepen its partnership with Kazakhstan";

interface Source {
  documentId: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** An argument of the motion's sample debate, with its replies. */
interface Sample {
  relation: string;
  body: string;
  children: Sample[];
}

const flat = (nodes: Sample[]): Sample[] => nodes.flatMap((n) => [n, ...flat(n.children)]);

/** Posts through the REST API as the signed-in page's user, citing one of the motion's sources. */
async function post(page: Page, motionId: string, body: object) {
  const response = await page.request.post(`/api/motions/${motionId}/arguments`, { data: body });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test("the argument map draws the debate, zooms and pans, and a card opens its argument", async ({
  page,
}) => {
  await new SignUpPage(page).signUp({
    name: "Mira Mapper",
    email: `mapper-${Date.now()}@school.test`,
    password: "Mira's long password",
  });
  await page.goto("/");
  await page.getByRole("link", { name: motionTitle }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(motionTitle);
  const motionId = new URL(page.url()).pathname.split("/").at(-1) ?? "";

  const uncited = page.getByRole("region", { name: "Not yet cited" });
  await new MotionPage(page).openSources();
  await expect(uncited.locator("li").first()).toBeVisible();
  const map = new ArgumentMapPage(page);
  const motion = (await (await page.request.get(`/api/motions/${motionId}`)).json()) as {
    sources: Source[];
    arguments: Sample[];
  };
  const samples = flat(motion.arguments);
  // The sample debate's arguments for the motion, which the keyboard passes on its way to ours.
  const samplesFor = motion.arguments.filter((a) => a.relation === "for").map((a) => a.body);
  await page.getByRole("link", { name: "Argument map" }).click();
  await expect(page.locator(".react-flow__edge")).toHaveCount(samples.length);

  const cite = ({ documentId, exact, prefix, suffix, start, end }: Source) => ({
    documentId,
    exact,
    prefix,
    suffix,
    start,
    end,
  });
  const [first, second] = motion.sources as [Source, Source];
  const backing = await post(page, motionId, {
    parentId: null,
    relation: "for",
    body: "A partner on the Security Council is worth courting.",
    citations: [cite(first)],
  });
  await post(page, motionId, {
    parentId: null,
    relation: "against",
    body: "Moscow and Beijing will read it as a provocation.",
    citations: [cite(second)],
  });
  const attack = await post(page, motionId, {
    parentId: backing,
    relation: "attacks",
    body: "A two-year seat buys little lasting influence.",
    citations: [cite(first)],
  });

  await map.open(motionId);
  await expect(map.card("A partner on the Security Council")).toBeVisible();
  await expect(map.card("Moscow and Beijing")).toContainText("Against the motion");
  await expect(map.card("A two-year seat")).toContainText("Attacks its parent");
  await expect(map.card("A two-year seat")).toContainText("by Mira Mapper");
  await expect(map.card("A two-year seat")).toContainText("Not rated yet");
  await expect(page.locator(".react-flow__edge")).toHaveCount(samples.length + 3);
  await expect(page.locator(".react-flow__edge-text").first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Zoom in, then out again, with the map's own buttons; drag the pane to pan.
  const before = await map.transform();
  await page.getByRole("button", { name: "Zoom In" }).click();
  await expect.poll(() => map.transform()).not.toBe(before);
  const zoomed = await map.transform();
  await page.getByRole("button", { name: "Zoom Out" }).click();
  await expect.poll(() => map.transform()).not.toBe(zoomed);
  await page.locator(".map-canvas").scrollIntoViewIfNeeded();
  const motionCard = await map.motionCard().boundingBox();
  if (!motionCard) throw new Error("the map has no motion card");
  const panned = await map.transform();
  // From the empty pane just left of the motion's card (the buttons are in the far corner).
  const from = { x: motionCard.x - 40, y: motionCard.y + 20 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 100, from.y + 60, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => map.transform()).not.toBe(panned);

  // The list beside the map holds the same tree.
  await page.getByText("The map as a list").click();
  await expect(
    page.locator(".map-outline li li li").filter({ hasText: "A two-year seat" }),
  ).toContainText("Attacks its parent");

  // Keyboard: Tab reaches the motion's card first, the arrow keys walk the tree, Enter opens.
  await page.getByRole("link", { name: "Back to the motion" }).focus();
  await page.keyboard.press("Tab");
  await expect(map.focusedCard()).toContainText("The motion");
  await page.keyboard.press("ArrowDown");
  for (const body of samplesFor) {
    await expect(map.focusedCard()).toContainText(body.slice(0, 40));
    await page.keyboard.press("ArrowRight");
  }
  await expect(map.focusedCard()).toContainText("A partner on the Security Council");
  await page.keyboard.press("ArrowDown");
  await expect(map.focusedCard()).toContainText("A two-year seat");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/motions/${motionId}#argument-${attack}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(motionTitle);
  await new MotionPage(page).openSources();
  await expect(uncited).toContainText("Every source passage is cited");
});

test("on a phone's touch screen one finger pans the map, two pinch it larger, a swipe beside it scrolls the page, and a tap opens an argument", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: phone, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("link", { name: motionTitle }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(motionTitle);
  const motionId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  const map = new ArgumentMapPage(page);
  await map.open(motionId);
  await expect(map.motionCard()).toBeInViewport();
  // The help speaks to fingers as well as to a mouse and a keyboard.
  const help = page.locator("#map-help");
  await expect(help).toContainText("pinch");
  await expect(help).toContainText("Tap or click an argument to open it");

  const fingers = await Fingers.on(page);
  const scale = async () => Number(/scale\(([\d.]+)\)/.exec(await map.transform())?.[1]);
  const scrolled = () => page.evaluate(() => window.scrollY);
  const canvas = await page.locator(".map-canvas").boundingBox();
  if (!canvas) throw new Error("the map has no canvas");
  const middle = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };

  // A finger on the map moves the map, not the page.
  const opened = await map.transform();
  const zoom = await scale();
  await fingers.drag(middle, { x: -80, y: -60 });
  await expect.poll(() => map.transform()).not.toBe(opened);
  expect(await scale()).toBe(zoom);
  expect(await scrolled()).toBe(0);

  // Two fingers spread apart zoom in.
  await fingers.pinch(middle, 60, 60);
  await expect.poll(scale).toBeGreaterThan(zoom);
  expect(await scrolled()).toBe(0);

  // A swipe on the words above the map scrolls the page as anywhere else.
  const words = await help.boundingBox();
  if (!words) throw new Error("the map has no help");
  await fingers.drag({ x: words.x + 20, y: words.y + 10 }, { x: 0, y: -200 });
  await expect.poll(scrolled).toBeGreaterThan(0);

  // A tap on a card the map opened on shows its argument on the motion's page.
  await map.open(motionId);
  const id = await page.evaluate(() => {
    for (const card of document.querySelectorAll<HTMLElement>(".react-flow__node-argument")) {
      const box = card.getBoundingClientRect();
      const under = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      if (under?.closest(".react-flow__node") === card) return card.dataset.id;
    }
    return null;
  });
  expect(id, "no argument's card is in view where the map opens").not.toBeNull();
  await page.locator(`.react-flow__node[data-id="${id}"]`).tap();
  await expect(page).toHaveURL(new RegExp(`/motions/${motionId}#argument-${id}$`));
  await context.close();
});

const sizes = { phone, laptop, projector };

test("the map, the heat strips and the uncited passages fit phone, laptop and projector screens", async ({
  page,
}) => {
  const title =
    "Kazakhstan's land-locked position between Russia and China is more an asset than a liability";
  await new SignUpPage(page).signUp({
    name: "Sami Screens",
    email: `screens-map-${Date.now()}@school.test`,
    password: "Sami's long password",
  });
  await page.goto("/");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const motionId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  const { sources } = (await (await page.request.get(`/api/motions/${motionId}`)).json()) as {
    sources: (Source & { versionId: string })[];
  };
  const cite = (n: number) => {
    const { documentId, exact, prefix, suffix, start, end } = sources[n] as Source;
    return [{ documentId, exact, prefix, suffix, start, end }];
  };
  const inland = await post(page, motionId, {
    parentId: null,
    relation: "for",
    body: "Being inland pushed Kazakhstan to build rail links in every direction, and those corridors now earn transit fees from China and Europe alike.",
    citations: cite(0),
  });
  await post(page, motionId, {
    parentId: null,
    relation: "for",
    body: "A marginal country can play its neighbours against each other.",
    citations: cite(1),
  });
  const survival = await post(page, motionId, {
    parentId: null,
    relation: "against",
    body: "The article itself says the position challenges its survival.",
    citations: cite(1),
  });
  await post(page, motionId, {
    parentId: inland,
    relation: "supports",
    body: "The Khorgos dry port is the proof.",
    citations: cite(0),
  });
  await post(page, motionId, {
    parentId: survival,
    relation: "attacks",
    body: "Survival was never in doubt after 1991; growth followed.",
    citations: cite(0),
  });

  const { arguments: debate } = (await (
    await page.request.get(`/api/motions/${motionId}`)
  ).json()) as { arguments: Sample[] };
  for (const [size, viewport] of Object.entries(sizes)) {
    await page.setViewportSize(viewport);
    const map = new ArgumentMapPage(page);
    await map.open(motionId);
    // The motion's card and one per argument: the sample debate's and the five posted here.
    await expect(page.locator(".react-flow__node")).toHaveCount(1 + flat(debate).length);
    if (size === "phone") {
      // A phone opens on the motion and the arguments answering it, drawn at least 3/4 size.
      await expect(map.motionCard()).toBeInViewport();
      const scale = await map
        .motionCard()
        .evaluate((card) => card.getBoundingClientRect().width / (card as HTMLElement).offsetWidth);
      expect(scale).toBeGreaterThanOrEqual(0.75);
      await expect(map.card("Being inland pushed Kazakhstan")).toBeInViewport();
    }
    if (size === "projector") {
      // On the wall the map takes the height below where it starts, and stops at its bottom edge.
      const bottom = await page
        .locator(".map-canvas")
        .evaluate((canvas) => canvas.getBoundingClientRect().bottom);
      expect(bottom).toBeLessThanOrEqual(viewport.height);
      expect(bottom).toBeGreaterThan(viewport.height - 40);
    }
    await expectFits(page, "map", size);

    await page.goto(`/motions/${motionId}`);
    await new MotionPage(page).openSources();
    await page.getByRole("region", { name: "Not yet cited" }).scrollIntoViewIfNeeded();
    await expectFits(page, "uncited", size);

    await page.goto(`/documents/${sources[0]?.documentId}`);
    // The first source's paragraph: cited for by its argument, the reply backing it, and the
    // reply attacking the argument against.
    const strip = page.locator(".heat-strip[aria-label^='Cited']").first();
    await strip.scrollIntoViewIfNeeded();
    await expect(strip).toHaveAttribute("aria-label", /^Cited [3-9] times for, [0-9]+ against$/);
    await expectFits(page, "heat-strip", size);
  }
});

test("a big debate's map draws a summary, and a '+N replies' card opened with the keyboard draws the replies", async ({
  page,
}) => {
  await new SignUpPage(page).signUp({
    name: "Bea Branches",
    email: `map-big-${Date.now()}@school.test`,
    password: "Bea's long password",
  });
  // A debate bigger than the map's budget, brought in at once by the import: one argument for
  // the motion with 80 replies, oldest first.
  const minute = (n: number) => new Date(Date.UTC(2026, 0, 5, 9, n)).toISOString();
  const argument = (id: string, n: number, parentId: string | null, body: string) => ({
    id,
    parentId,
    relation: parentId ? (n % 2 ? "supports" : "attacks") : "for",
    body,
    author: { name: "Bea Branches" },
    pseudonym: 1,
    status: "published",
    createdAt: minute(n),
    citations: [],
  });
  const debate = debateExport("The town should keep its branch line", [
    argument("trunk", 0, null, "The line carries the harvest."),
    ...Array.from({ length: 80 }, (_, i) =>
      argument(`r${i + 1}`, i + 1, "trunk", `Reply ${i + 1}.`),
    ),
  ]);
  await page.goto("/spaces");
  await new SpacesPage(page).createSpace("Branch line seminar");
  const form = page.getByRole("region", { name: "Import a debate" });
  await form.getByLabel("Exported debate (.json)").setInputFiles({
    name: "branch-line.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(debate)),
  });
  await form.getByRole("button", { name: "Import" }).click();
  await page.waitForURL(/\/motions\/[0-9a-f-]+$/);
  const motionId = new URL(page.url()).pathname.split("/").at(-1) ?? "";

  const map = new ArgumentMapPage(page);
  await map.open(motionId);
  // The motion, the argument, its first four replies and a card for the other 76.
  await expect(page.locator(".react-flow__node")).toHaveCount(7);
  await expect(map.card("+76 more replies")).toBeVisible();

  await page.getByRole("link", { name: "Back to the motion" }).focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(map.focusedCard()).toContainText("Reply 1.");
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
  await expect(map.focusedCard()).toContainText("+76 more replies");
  await page.keyboard.press("Enter");
  await expect(page.locator(".react-flow__node")).toHaveCount(82);
  await expect(map.focusedCard()).toContainText("Reply 5.");
  await expect(map.card("Reply 80.")).toHaveCount(1);
  await expect(
    page.getByRole("status").filter({ hasText: "Drew 76 more arguments" }),
  ).toBeAttached();
  await page.getByText("The map as a list").click();
  await expect(page.locator(".map-outline li li li").filter({ hasText: "Reply 80." })).toHaveCount(
    1,
  );
});
