import { expect, type Page, test } from "@playwright/test";
import { SignUpPage } from "./pages";
import { expectFits, laptop, phone } from "./pages/screens";

const sizes = { phone, laptop };

/** Two arguments on a demo motion, posted over REST with the page's session. */
async function postArguments(page: Page) {
  const [motion] = await (await page.request.get("/api/motions")).json();
  const { documentId, exact, prefix, suffix, start, end } = motion.sources[0];
  const citations = [{ documentId, exact, prefix, suffix, start, end }];
  const post = async (body: string, extra: Record<string, unknown>) => {
    const response = await page.request.post(`/api/motions/${motion.id}/arguments`, {
      data: { body, citations, ...extra },
    });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as { id: string; author: { id: string } };
  };
  const first = await post(
    "Kazakhstan's neutrality lets it mediate: its ties with Israel and Iran are an asset.",
    { relation: "for" },
  );
  await post("Mediation needs trust, and Kazakhstan has never brokered a deal like this.", {
    parentId: first.id,
    relation: "attacks",
  });
  return { motionId: motion.id as string, authorId: first.author.id };
}

test("search finds arguments and passages, with the matched words marked", async ({ page }) => {
  await new SignUpPage(page).signUp({
    name: "Sara Searcher",
    email: `search-${Date.now()}@school.test`,
    password: "a long enough password",
  });
  const { motionId, authorId } = await postArguments(page);

  // From the header's box, on any page.
  await page.goto("/");
  await page.getByLabel("Search", { exact: true }).fill("Kazakhstan mediate");
  await page.getByLabel("Search", { exact: true }).press("Enter");
  await expect(page).toHaveURL(/\/search\?q=Kazakhstan\+mediate/);
  const results = page.locator(".search-results .search-result");
  await expect(results.first()).toBeVisible();
  await expect(results.first().locator(".search-snippet mark").first()).toHaveText(
    /kazakhstan|mediat/i,
  );

  for (const [size, viewport] of Object.entries(sizes)) {
    await page.setViewportSize(viewport);
    await page.goto("/search?q=Kazakhstan");
    await expect(page.locator(".search-result-link").first()).toBeVisible();
    await expectFits(page, "search", size);
    // The motion's sample debate argues too: the two posted here are told apart by their author.
    await page.goto(`/search?q=Kazakhstan&authorId=${authorId}`);
    await expect(page.locator(".search-result[data-type=argument]")).toHaveCount(2);
    await page.goto(`/search?q=Kazakhstan&side=against&authorId=${authorId}`);
    await expect(page.locator(".search-result[data-type=argument]")).toHaveCount(1);
    await page.goto("/search?q=zzyzx");
    await expect(page.getByText("Nothing matches “zzyzx”.")).toBeVisible();
    await expectFits(page, "search-empty", size);
  }

  // A search with no filter is not offered itself again "without filters"; a filtered one is.
  const tryInstead = page.locator(".search-empty li");
  await expect(tryInstead).toHaveText([
    "fewer words, or other words for the same idea;",
    "checking the spelling.",
  ]);
  await page.goto("/search?q=zzyzx&side=for");
  await expect(tryInstead).toHaveText([
    "fewer words, or other words for the same idea;",
    "checking the spelling;",
    "searching without filters.",
  ]);
  await expect(page.getByRole("link", { name: "searching without filters" })).toHaveAttribute(
    "href",
    "/search?q=zzyzx",
  );

  // An argument's link opens its motion at the argument.
  await page.goto("/search?q=Kazakhstan&type=argument");
  const argumentLink = page.locator(".search-result[data-type=argument] .search-result-link");
  await expect(argumentLink.first()).toHaveAttribute(
    "href",
    new RegExp(`^/motions/${motionId}#argument-`),
  );

  // A passage's link opens the document at that block, marked.
  await page.goto("/search?q=Kazakhstan&type=passage");
  const passageLink = page.locator(".search-result[data-type=passage] .search-result-link").first();
  const href = await passageLink.getAttribute("href");
  await passageLink.click();
  const block = page.locator(`[id="${href?.split("#")[1]}"]`);
  await expect(block).toBeInViewport();
  await expect(block).toContainText(/Kazakhstan/);
  await expectFits(page, "search-passage", "laptop");
});

test("“More results” adds the next results below, from the keyboard, saying while it loads", async ({
  page,
}) => {
  // The demo library names Kazakhstan in far more than a page of passages and arguments.
  await page.goto("/search?q=Kazakhstan");
  const results = page.locator(".search-results .search-result");
  await expect(results).toHaveCount(20);
  await expect(page.locator(".search-count")).toHaveText("20 best results for “Kazakhstan”.");
  const firstPage = await page.locator(".search-result-link").allTextContents();

  // Held until the test lets it through, so the waiting can be seen.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/api/search?*", async (route) => {
    await held;
    await route.continue();
  });

  // From the last link of the results, the next Tab reaches the button, and Enter presses it.
  await page.locator(".search-results a").last().focus();
  await page.keyboard.press("Tab");
  const more = page.getByRole("button", { name: "More results" });
  await expect(more).toBeFocused();
  await page.keyboard.press("Enter");
  const loading = page.getByRole("button", { name: "Loading…" });
  await expect(loading).toBeFocused();
  await expect(loading).toHaveAttribute("aria-disabled", "true");
  release();

  await expect(results).toHaveCount(40);
  await expect(page.locator(".search-count")).toHaveText("40 best results for “Kazakhstan”.");
  const links = page.locator(".search-result-link");
  // The first page stays as it was, and the focus is on the first result that came.
  expect((await links.allTextContents()).slice(0, 20)).toEqual(firstPage);
  await expect(links.nth(20)).toBeFocused();
  const keys = await results.evaluateAll((items) => items.map((item) => item.dataset.key));
  expect(new Set(keys).size).toBe(40);
});
