import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  expect,
  type Page,
  type PlaywrightWorkerArgs,
  test,
} from "@playwright/test";
import { xssCorpus, xssText, xssUrl } from "../support/xss";
import { apiAccount } from "./pages/apiAccount";

// The XSS corpus goes into every field a person can fill, through the REST API (quicker than the
// forms, and the same commands), and then every page is read in Chromium. The pages carry a
// nonce-based script policy, so an injected script might be blocked rather than run: besides
// failing on any dialog, each page is searched for what an injection leaves behind (event
// handler attributes, script URLs, injected frames) and for script-policy violations, and must
// show each payload it holds as text, so that it cannot pass by showing nothing.

// The two tests make their own accounts: they run side by side.
test.describe.configure({ mode: "parallel" });

const password = "a long enough password";
const stamp = Date.now();
const [ownerName, ...guestNames] = xssCorpus;

type Playwright = PlaywrightWorkerArgs["playwright"];

/** The item at `index` of what the steps before made. */
function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`nothing was made at ${index}`);
  return item;
}

/** A signed-in API client: an account made and signed in through Auth.js, as a browser does. */
async function account(playwright: Playwright, baseURL: string, name: string) {
  const request = await playwright.request.newContext({ baseURL });
  await apiAccount(request, { name, email: `xss-${stamp}@school.test`, password });
  return request;
}

/** A guest who joined the space by its code under `name`. */
async function guest(playwright: Playwright, baseURL: string, code: string, name: string) {
  const request = await playwright.request.newContext({ baseURL });
  const joined = await request.post("/api/spaces/join", { data: { code, guestName: name } });
  expect(joined.status(), name).toBe(200);
  return request;
}

async function created<T>(
  pending: Promise<{ status(): number; json(): Promise<T> }>,
  what: string,
) {
  const response = await pending;
  expect(response.status(), `${what}: ${await response.json().then(JSON.stringify)}`).toBeLessThan(
    300,
  );
  return response.json();
}

/** A browser signed in as the API client `request` is. */
async function browserAs(browser: Browser, request: APIRequestContext) {
  return watched(await browser.newContext({ storageState: await request.storageState() }));
}

/** Records every dialog (dismissed) and every script-policy violation the context's pages see. */
async function watched(context: BrowserContext) {
  const dialogs: string[] = [];
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { xssViolations: string[] }).xssViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      if (/^(script|object|frame|default)/.test(event.effectiveDirective)) {
        seen.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`);
      }
    });
  });
  context.on("page", (page) => {
    page.on("dialog", (dialog) => {
      dialogs.push(`${page.url()}: ${dialog.type()} ${dialog.message()}`);
      void dialog.dismiss();
    });
  });
  return { context, dialogs };
}

/** What an injection leaves in the page: handler attributes, script URLs, frames, violations. */
function injections(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    const scriptUrl = /^\s*(javascript|vbscript|data):/i;
    for (const element of document.querySelectorAll("*")) {
      const tag = element.tagName.toLowerCase();
      if (["iframe", "frame", "object", "embed", "animate", "base"].includes(tag)) found.push(tag);
      for (const { name, value } of element.attributes) {
        const attribute = name.toLowerCase();
        if (attribute.startsWith("on")) found.push(`${tag}[${attribute}]`);
        if (/(^|:)(href|src|action|formaction|data)$/.test(attribute) && scriptUrl.test(value)) {
          found.push(`${tag}[${attribute}=${value}]`);
        }
      }
    }
    return [...found, ...(window as unknown as { xssViolations: string[] }).xssViolations];
  });
}

/** Opens `path`, checks each text is shown as text, and that nothing was injected. */
async function read(page: Page, path: string, texts: readonly string[]) {
  await page.goto(path);
  for (const text of texts) {
    await expect(page.getByText(text).filter({ visible: true }).first(), path).toBeVisible();
  }
  expect(await injections(page), path).toEqual([]);
}

/** A quote selector for the block of the document's text holding `exact`. */
async function citationOf(request: APIRequestContext, documentId: string, exact: string) {
  const { text } = await (await request.get(`/api/documents/${documentId}`)).json();
  const start = (text as string).indexOf(exact);
  expect(start, exact).toBeGreaterThanOrEqual(0);
  const end = start + exact.length;
  return {
    documentId,
    exact,
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(end, end + 32),
    start,
    end,
  };
}

test("every field a person fills shows the XSS corpus as text on every page, and no script runs", async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const base = baseURL ?? "";
  const owner = await account(playwright, base, ownerName);

  const spaces: { id: string; joinCode: string }[] = [];
  await test.step("the owner makes a space named after each payload", async () => {
    for (const name of xssCorpus) {
      spaces.push(await created(owner.post("/api/spaces", { data: { name } }), name));
    }
  });
  const { id: spaceId, joinCode } = at(spaces, 0);

  const documents: string[] = [];
  await test.step("and a document per payload: title, author, publisher, note, source URL, text", async () => {
    for (const [i, payload] of xssCorpus.entries()) {
      const document = await created(
        owner.post(`/api/spaces/${spaceId}/documents`, {
          data: {
            title: payload,
            author: payload,
            publisher: payload,
            publishedAt: payload.slice(0, 40),
            note: xssText,
            sourceUrl: xssUrl(payload),
            text: xssText,
            // Every other one is read as Markdown: its links and images must stay text too.
            format: i % 2 === 1 ? "markdown" : "text",
          },
        }),
        payload,
      );
      documents.push(document.id);
    }
  });
  const documentId = at(documents, 0);
  const cite = (payload: string) => citationOf(owner, documentId, payload);

  const motions: string[] = [];
  await test.step("and a motion per payload, described by the whole corpus, drawn from its passage", async () => {
    for (const [i, payload] of xssCorpus.entries()) {
      const motion = await created(
        owner.post(`/api/spaces/${spaceId}/motions`, {
          data: {
            title: payload,
            description: xssText,
            // The second motion holds participants' posts for approval.
            settings: { approvalRequired: i === 1, evidenceRequired: false },
            sources: [await cite(payload)],
          },
        }),
        payload,
      );
      motions.push(motion.id);
    }
  });
  const [motionId, approvalMotionId] = [at(motions, 0), at(motions, 1)];

  const ownerArgument = await created(
    owner.post(`/api/motions/${motionId}/arguments`, {
      data: { relation: "for", body: xssText, citations: [await cite(ownerName)] },
    }),
    "the owner's argument",
  );

  const guests: APIRequestContext[] = [];
  const arguments_: string[] = [];
  /** Each guest's user id, to narrow a search to their arguments. */
  const authors: string[] = [];
  await test.step("guests named after the payloads post, mention, reply and edit", async () => {
    for (const [i, name] of guestNames.entries()) {
      const request = await guest(playwright, base, joinCode, name);
      guests.push(request);
      const argument = await created(
        request.post(`/api/motions/${motionId}/arguments`, {
          data: {
            relation: i % 2 === 0 ? "for" : "against",
            body: `${name} as first written`,
            citations: [await cite(name)],
          },
        }),
        name,
      );
      arguments_.push(argument.id);
      authors.push(argument.author.id);
      await created(
        request.patch(`/api/arguments/${argument.id}`, {
          data: { body: `${name} as edited, for @${ownerName}` },
        }),
        `${name}, edited`,
      );
      await created(
        request.post(`/api/motions/${motionId}/arguments`, {
          data: {
            parentId: ownerArgument.id,
            relation: "attacks",
            body: `${name} in reply`,
            citations: [],
          },
        }),
        `${name}, a reply`,
      );
      await created(
        request.post(`/api/motions/${motionId}/votes`, {
          data: { phase: "before", stance: i % 3 === 0 ? "for" : "against" },
        }),
        `${name}, a vote`,
      );
    }
  });

  const hideReason = xssCorpus.slice(0, 7).join(" ");
  const rejectReason = xssCorpus.slice(7, 14).join(" ");
  await test.step("the owner hides, spotlights and rejects with the payloads as reasons", async () => {
    await created(
      owner.patch(`/api/arguments/${arguments_[0]}`, {
        data: { status: "hidden", reason: hideReason },
      }),
      "hide",
    );
    await created(
      owner.patch(`/api/motions/${motionId}`, { data: { spotlight: arguments_[1] } }),
      "spotlight",
    );
    const pending = await created(
      at(guests, 0).post(`/api/motions/${approvalMotionId}/arguments`, {
        data: { relation: "for", body: `${guestNames[0]} waiting`, citations: [] },
      }),
      "a post for approval",
    );
    await created(
      owner.patch(`/api/arguments/${pending.id}`, {
        data: { status: "rejected", reason: rejectReason },
      }),
      "reject",
    );
  });

  let importedId = "";
  await test.step("an export of the debate, retitled with a payload, is imported back", async () => {
    const file = await (await owner.get(`/api/motions/${motionId}/export?format=json`)).json();
    file.motion.title = xssCorpus.at(-1);
    ({ id: importedId } = await created(
      owner.post(`/api/spaces/${spaceId}/import`, { data: file }),
      "import",
    ));
  });

  const { context, dialogs } = await browserAs(browser, owner);
  const page = await context.newPage();
  const editedBodies = guestNames.slice(1).map((name) => `${name} as edited`);

  await test.step("the owner reads every page", async () => {
    await read(page, "/", xssCorpus);
    await read(page, "/spaces", xssCorpus);
    await read(page, `/spaces/${spaceId}`, [...xssCorpus, ...guestNames]);
    await read(page, `/motions/${motionId}`, [
      ownerName,
      ...xssCorpus,
      ...editedBodies,
      ...guestNames.map((name) => `${name} in reply`),
    ]);
    await read(page, `/motions/${motionId}/map`, [ownerName, ...editedBodies]);
    await read(page, `/motions/${motionId}/projector`, [ownerName, at(editedBodies, 0)]);
    await read(page, `/motions/${motionId}/results`, [ownerName, ...guestNames, ...xssCorpus]);
    await read(page, `/motions/${approvalMotionId}`, [xssCorpus[1]]);
    await read(page, `/motions/${importedId}`, [xssCorpus.at(-1) ?? "", ...editedBodies]);
    await read(page, `/documents/${documentId}`, xssCorpus);
    await read(page, `/documents/${documents[1]}`, [xssCorpus[1]]);
    for (const payload of xssCorpus.slice(0, 5)) {
      await read(page, `/search?q=${encodeURIComponent(payload)}`, []);
      await expect(page.getByLabel("Words to find")).toHaveValue(payload);
    }
    // Narrowed to one author each: the corpus is everywhere, so a bare search shows other hits.
    for (const i of [1, 2, 3, 4, 5]) {
      const name = at(guestNames, i);
      await read(page, `/search?q=edited&authorId=${at(authors, i)}`, [`${name} as edited`]);
    }
    await read(page, "/inbox", [...guestNames.slice(-5), xssCorpus[0]]);
  });

  await test.step("a guest reads the reason their post was turned away, and their inbox", async () => {
    const { context: guestContext, dialogs: guestDialogs } = await browserAs(
      browser,
      at(guests, 0),
    );
    const guestPage = await guestContext.newPage();
    await read(guestPage, `/motions/${approvalMotionId}`, [`${guestNames[0]} waiting`]);
    await expect(guestPage.getByText(/A moderator did not approve/)).toContainText(rejectReason);
    await read(guestPage, `/motions/${motionId}`, [xssCorpus[0], ...editedBodies.slice(0, 3)]);
    await read(guestPage, "/inbox", []);
    expect(guestDialogs).toEqual([]);
    await guestContext.close();
  });

  expect(dialogs).toEqual([]);
  await context.close();
  for (const request of [owner, ...guests]) await request.dispose();
});

test("pages that echo their address show the payload as text and keep a sign-in on this site", async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const { context, dialogs } = await watched(await browser.newContext());
  const page = await context.newPage();
  const email = `xss-return-${stamp}@school.test`;
  await request.post("/api/users", { data: { name: "Rita Return", email, password } });
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("javascript:alert(1)")}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/spaces$/);

  for (const payload of xssCorpus) {
    const query = encodeURIComponent(payload);
    await read(page, `/join?code=${query}`, []);
    await expect(page.getByLabel("Join code")).toHaveValue(payload);
    await read(page, `/signin?error=${query}&callbackUrl=${query}`, []);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await read(page, `/${query}`, []);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
  for (const payload of xssCorpus.slice(0, 3)) {
    const notFound = await page.goto(`/motions/${encodeURIComponent(payload)}`);
    expect(notFound?.status()).toBeLessThan(500);
    expect(await injections(page)).toEqual([]);
  }
  expect(dialogs).toEqual([]);
  await context.close();
});
