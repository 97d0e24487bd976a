import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, expect, type Page } from "@playwright/test";

export class HomePage {
  constructor(readonly page: Page) {}
  async open() {
    await this.page.goto("/");
    await expect(this.page.getByRole("heading", { level: 2, name: "Motions" })).toBeVisible();
  }
  motionLinks() {
    return this.page.locator(".card-title a[href^='/motions/']");
  }
  async openMotion(title: string) {
    await this.page.getByRole("link", { name: title }).click();
    return new MotionPage(this.page);
  }
}

export class MotionPage {
  constructor(readonly page: Page) {}
  heading() {
    return this.page.getByRole("heading", { level: 1 });
  }
  sources() {
    return this.page.locator("ol.sources > li");
  }
  /** Unfolds the one block of the motion's sources and its paragraphs not yet cited. */
  async openSources() {
    await this.page.locator(".sources-block > summary").click();
  }
  side(name: "For the motion" | "Against the motion") {
    return this.page.getByRole("region", { name });
  }
  readInContext(index: number) {
    return this.sources()
      .nth(index)
      .getByRole("link", { name: /^Read passage \d+ in context$/ });
  }
}

export class ReaderPage {
  constructor(readonly page: Page) {}
  activePassage() {
    return this.page.locator("mark.passage-active");
  }
  passageList() {
    return this.page.getByRole("navigation", { name: "Cited passages" });
  }
}

export class ArgumentMapPage {
  constructor(readonly page: Page) {}
  async open(motionId: string) {
    await this.page.goto(`/motions/${motionId}/map`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Argument map" })).toBeVisible();
  }
  card(text: string) {
    return this.page.locator(".react-flow__node").filter({ hasText: text });
  }
  focusedCard() {
    return this.page.locator(".react-flow__node:focus");
  }
  motionCard() {
    return this.page.locator(".react-flow__node-motion");
  }
  /** The viewport's pan and zoom, as xyflow sets it. */
  transform() {
    return this.page
      .locator(".react-flow__viewport")
      .evaluate((el) => (el as HTMLElement).style.transform);
  }
}

/** Axe's serious and critical findings on the page as it is now. */
export async function seriousViolations(page: Page) {
  // Next streams a page's <title> after its body: scan once the page is whole.
  await expect(page).toHaveTitle(/\S/);
  // Moot's pages embed no frames: axe.run in the page itself, rather than a partial run per
  // frame finished in a blank page of its own (which took as long again). Only the violations
  // are read, so axe keeps one node of each other result rather than all of them.
  const { violations } = await new AxeBuilder({ page })
    .setLegacyMode()
    .options({ resultTypes: ["violations"] })
    .analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

export class SignUpPage {
  constructor(readonly page: Page) {}
  async signUp(person: { name: string; email: string; password: string }) {
    await this.page.goto("/signup");
    await this.page.getByLabel("Name").fill(person.name);
    await this.page.getByLabel("Email").fill(person.email);
    await this.page.getByLabel("Password").fill(person.password);
    await this.page.getByRole("button", { name: "Create account" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Spaces" })).toBeVisible();
  }
}

export class SignInPage {
  constructor(readonly page: Page) {}
  async signIn(email: string, password: string) {
    await this.page.goto("/signin");
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }
  problem() {
    return problemOn(this.page);
  }
}

export class SpacesPage {
  constructor(readonly page: Page) {}
  async createSpace(name: string) {
    await this.page.getByLabel("Name").fill(name);
    await this.page.getByRole("button", { name: "Create space" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name })).toBeVisible();
    return new SpacePage(this.page);
  }
}

/**
 * A teacher signs up, makes a space and opens a motion in it, and waits for it to go live: the
 * space's join code and the motion's path.
 */
export async function teacherOpensMotion(
  page: Page,
  teacher: { name: string; email: string; password: string },
  spaceName: string,
  motionTitle: string,
) {
  await new SignUpPage(page).signUp(teacher);
  const space = await new SpacesPage(page).createSpace(spaceName);
  const spacePath = new URL(page.url()).pathname;
  const code = (await space.joinCode().textContent()) ?? "";
  await page.getByLabel("Title").fill(motionTitle);
  await page.getByRole("button", { name: "Create motion" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(motionTitle);
  await expect(page.getByText("Connecting…")).toHaveCount(0);
  return { code, spacePath, motionPath: new URL(page.url()).pathname };
}

/**
 * A teacher (a new account, in a browser of their own) opens a space and a motion in it, and a
 * student joins the space as a guest in another browser, landing on the space's page.
 */
export async function teacherWithGuest(
  browser: Browser,
  {
    teacher: name,
    space,
    motion,
    guest,
    guestViewport,
  }: {
    teacher: string;
    space: string;
    motion: string;
    guest: string;
    guestViewport?: { width: number; height: number };
  },
) {
  const teacherContext = await browser.newContext();
  const studentContext = await browser.newContext(guestViewport ? { viewport: guestViewport } : {});
  const teacher = await teacherContext.newPage();
  const login = (name.split(" ").at(-1) ?? name).toLowerCase();
  const opened = await teacherOpensMotion(
    teacher,
    { name, email: `${login}-${Date.now()}@school.test`, password: `${login}'s long password` },
    space,
    motion,
  );
  const student = await studentContext.newPage();
  await new JoinPage(student).joinAsGuest(opened.code, guest);
  await expect(student.getByRole("heading", { level: 1, name: space })).toBeVisible();
  const close = async () => {
    for (const context of [teacherContext, studentContext]) await context.close();
  };
  return { ...opened, teacher, student, teacherContext, studentContext, close };
}

export class SpacePage {
  constructor(readonly page: Page) {}
  joinCode() {
    return this.page.getByTestId("join-code");
  }
  members() {
    return this.page.getByRole("region", { name: /^Members/ }).locator("li");
  }
  motions() {
    return this.page.getByRole("region", { name: "Motions" }).locator(".card-title");
  }
}

export class JoinPage {
  constructor(readonly page: Page) {}
  async joinAsGuest(code: string, name: string) {
    await this.page.goto("/join");
    await this.page.getByLabel("Join code").fill(code);
    await this.page.getByLabel("Your name").fill(name);
    await this.page.getByRole("button", { name: "Join" }).click();
  }
}

/** The form's list of what went wrong (Next's route announcer is an alert too). */
export function problemOn(page: Page) {
  return page.locator(".error-summary[role=alert]");
}

export class LiveMotionPage {
  constructor(readonly page: Page) {}
  async open(title: string) {
    await this.page.goto("/");
    await this.page.getByRole("link", { name: title }).click();
    await expect(this.page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(this.page.getByText("Connecting…")).toHaveCount(0);
  }
  readerParagraphs() {
    return this.page.locator(".reader-text p[data-start]");
  }
  /** Selects a paragraph's text with the pointer and cites the selection. */
  async selectAndCite(index: number) {
    await this.readerParagraphs().nth(index).selectText();
    await this.page.getByRole("button", { name: "Cite the selected text" }).click();
  }
  /** On a phone the composer waits behind its button; a wide screen always shows it. */
  async openComposer() {
    const opener = this.page.getByRole("button", { name: "Make an argument" });
    const field = this.page.getByLabel("Argument", { exact: true });
    // Whichever the screen shows first, once the page has drawn it.
    await expect(opener.or(field).first()).toBeVisible();
    if (await opener.isVisible()) await opener.click();
  }
  async post(relation: string, body: string) {
    await this.openComposer();
    await this.page.getByRole("radio", { name: relation }).check();
    await this.page.getByLabel("Argument", { exact: true }).fill(body);
    await this.page.getByRole("button", { name: "Post" }).click();
  }
  argument(text: string) {
    return this.page
      .locator("li.argument")
      .filter({ has: this.page.getByText(text, { exact: true }) })
      .first();
  }
  side(name: "For the motion" | "Against the motion") {
    return this.page.getByRole("region", { name });
  }
  connectionLost() {
    return this.page.getByText(/Connection lost/);
  }

  signedOutNotice() {
    return this.page.getByText("You were signed out on this browser. Sign in again to take part.");
  }
}

export class AccountPage {
  constructor(readonly page: Page) {}
  /** Opens the account page from the user menu, as a signed-in user finds it. */
  async openFromMenu() {
    await this.page
      .getByRole("banner")
      .getByRole("link", { name: /^Your account: / })
      .click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  }
  fact(term: "Name" | "Email" | "Guest of") {
    const named = this.page.locator("dt", { hasText: new RegExp(`^${term}$`) });
    return this.page.locator(".details div").filter({ has: named }).locator("dd");
  }
  signOutEverywhere() {
    return this.page.getByRole("button", { name: "Sign out everywhere" });
  }
  /** Downloads "Download my data": the file, parsed. */
  async downloadData(): Promise<Record<string, unknown>> {
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      this.page.getByRole("link", { name: "Download my data" }).click(),
    ]);
    const path = await download.path();
    expect(download.suggestedFilename()).toMatch(/^moot-account-\d{4}-\d{2}-\d{2}\.json$/);
    return JSON.parse(await readFile(path, "utf8"));
  }
  deleteButton() {
    return this.page.getByRole("button", { name: "Delete my account" });
  }
  /** Types the confirmation (and the password, for an account that has one). */
  async confirmDeletion(confirmation: string, password?: string) {
    if (password !== undefined) await this.page.getByLabel("Your password").fill(password);
    await this.page.getByLabel(/^Type .+ to confirm$/).fill(confirmation);
  }
}

/** A debate export (docs/api.md) of an open, free motion with these arguments and no documents. */
/**
 * A host in a browser context of their own: signed up, with a space named `spaceName` into which
 * they import `file` (a debate as Moot exports it) over the API. Their page, the space's id and
 * join code, and the motion as the import answers it.
 */
export async function hostWithImport<Motion>(
  browser: Browser,
  host: { name: string; email: string; password: string },
  spaceName: string,
  file: unknown,
): Promise<{ context: BrowserContext; page: Page; spaceId: string; code: string; motion: Motion }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new SignUpPage(page).signUp(host);
  const space = await new SpacesPage(page).createSpace(spaceName);
  const spaceId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  const code = (await space.joinCode().textContent()) ?? "";
  const imported = await page.request.post(`/api/spaces/${spaceId}/import`, {
    headers: { "content-type": "application/json" },
    data: JSON.stringify(file),
    timeout: 60_000,
  });
  expect(imported.status(), await imported.text()).toBe(201);
  return { context, page, spaceId, code, motion: (await imported.json()) as Motion };
}

export function debateExport(title: string, args: unknown[]) {
  return {
    format: "moot.debate",
    version: 1,
    motion: {
      title,
      status: "open",
      settings: {
        evidenceRequired: false,
        approvalRequired: false,
        anonymous: false,
        format: "free",
      },
      sources: [],
    },
    documents: [],
    arguments: args,
  };
}

/** Selects `quote` in the reader's text, as a mouse would, by its characters. */
export async function selectQuote(page: Page, quote: string) {
  await page.evaluate((wanted) => {
    const container = document.querySelector(".document-text");
    if (!container) throw new Error("no document text");
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`not in the text: ${wanted}`);
  }, quote);
}

/** Where the reader's selection is on the screen. */
export function selectionBox(page: Page) {
  return page.evaluate(() => {
    const rect = window.getSelection()?.getRangeAt(0).getBoundingClientRect();
    if (!rect) throw new Error("nothing selected");
    return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
  });
}

/** The one document of `citedDebateFile`, and the passage its arguments quote. */
export const citedText = "The harbour was closed in winter. Trade moved inland by rail.";
const citedQuote = "Trade moved inland by rail.";

/**
 * A debate to import: `count` published top-level arguments, each citing the same passage of
 * one short document (`citedText`) in its first version.
 */
export function citedDebateFile(title: string, count: number) {
  const start = citedText.indexOf(citedQuote);
  const end = start + citedQuote.length;
  const args = Array.from({ length: count }, (_, i) => ({
    id: `a${i + 1}`,
    parentId: null,
    relation: i % 2 ? "against" : "for",
    body: `Argument ${i + 1} rests on the rail line.`,
    author: { name: "Vera Version" },
    pseudonym: 1,
    status: "published",
    createdAt: new Date(Date.UTC(2026, 0, 5, 9, 0, i)).toISOString(),
    citations: [
      {
        documentId: "report",
        versionId: "report-1",
        exact: citedQuote,
        prefix: citedText.slice(Math.max(0, start - 32), start),
        suffix: citedText.slice(end, end + 32),
        start,
        end,
        anchor: { status: "exact", confidence: 1, versionId: "report-1", start, end },
      },
    ],
  }));
  const report = {
    id: "report",
    title: "Harbour report",
    currentVersionId: "report-1",
    versions: [
      {
        id: "report-1",
        number: 1,
        text: citedText,
        blocks: [{ kind: "paragraph", level: null, start: 0, end: citedText.length }],
      },
    ],
  };
  return { ...debateExport(title, args), documents: [report] };
}
