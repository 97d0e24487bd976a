import { type Browser, expect, test } from "@playwright/test";
import { citedDebateFile, citedText, hostWithImport, seriousViolations } from "./pages";
import { expectFitsPhoneAndLaptop } from "./pages/screens";

// A new version of a heavily cited document can leave hundreds of citations to review: the
// space's page lists the first 20 and reads the rest a page at a time.
const ARGUMENTS = 45;

/**
 * A teacher's space with a debate of `count` arguments, each citing one passage of a document,
 * and a new version of it in which "rail" becomes "train": every citation is found near its
 * place, changed. The teacher is on the space's page, its evidence to review in `queue`.
 */
async function spaceWithEvidenceToReview(browser: Browser, count: number) {
  const { context, page, spaceId, motion } = await hostWithImport<{
    arguments: { citations: { documentId: string }[] }[];
  }>(
    browser,
    {
      name: "Rita Review",
      email: `review-queue-${count}-${Date.now()}@school.test`,
      password: "Rita's long password",
    },
    "Harbour seminar",
    citedDebateFile("The rail line saved the town", count),
  );
  const documentId = motion.arguments[0]?.citations[0]?.documentId ?? "";
  const version = await page.request.post(`/api/documents/${documentId}/versions`, {
    headers: { "content-type": "application/json" },
    data: JSON.stringify({ text: citedText.replace("by rail", "by train") }),
  });
  expect(version.status(), await version.text()).toBe(201);
  await page.goto(`/spaces/${spaceId}`);
  const queue = page.getByRole("region", { name: /^Evidence to review/ });
  return { context, page, spaceId, queue };
}

test("the evidence to review comes 20 at a time, the next page on a keypress, and a settled one leaves the list", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { context, page, queue } = await spaceWithEvidenceToReview(browser, ARGUMENTS);
  await expect(queue.getByRole("heading")).toHaveText("Evidence to review (45)");
  const items = queue.locator("li.review-item");
  await expect(items).toHaveCount(20);
  await expect(items.first()).toContainText("Now reads: “Trade moved inland by train.”");
  const more = queue.getByRole("button", { name: "Show more to review (25 not shown)" });
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(items).toHaveCount(40);
  // The focus goes to the first of those that came, not back to the page's start.
  await expect(items.nth(20)).toBeFocused();
  await queue.getByRole("button", { name: "Show more to review (5 not shown)" }).click();
  await expect(items).toHaveCount(45);
  await expect(queue.getByRole("button", { name: /Show more/ })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  // One the button brought is settled: it leaves the list, and the count follows.
  const last = items.last();
  const body = (await last.locator(".argument-body").textContent()) ?? "";
  await last.getByRole("button", { name: "Detach the citation" }).click();
  await expect(queue.getByRole("heading")).toHaveText("Evidence to review (44)");
  await expect(items).toHaveCount(44);
  await expect(queue.getByText(body, { exact: true })).toHaveCount(0);
  await context.close();
});

test("settling every one shown says the rest is being read, not that nothing is left, until the page comes again", async ({
  browser,
}) => {
  const { context, page, spaceId, queue } = await spaceWithEvidenceToReview(browser, 2);
  const items = queue.locator("li.review-item");
  await expect(items).toHaveCount(2);
  // The page read again after each review (a React Server Components request) is held back.
  // The router gives up a read again that a later one overtakes: its route is then handled.
  const held: (() => Promise<void>)[] = [];
  await page.route(`**/spaces/${spaceId}**`, (route) => {
    if (route.request().headers().rsc) held.push(() => route.continue().catch(() => {}));
    else void route.continue();
  });
  for (let left = 2; left > 0; left--) {
    await items.first().getByRole("button", { name: "Detach the citation" }).click();
    await expect(items).toHaveCount(left - 1);
  }
  await expect(queue.getByRole("status")).toHaveText("Reading what is left to review…");
  await expect(queue.getByText(/Nothing to review/)).toHaveCount(0);
  await expectFitsPhoneAndLaptop(page, "review-queue-reading", { scrollTo: ".review-queue" });

  await page.unroute(`**/spaces/${spaceId}**`);
  await Promise.all(held.map((release) => release()));
  await expect(queue.getByRole("heading")).toHaveText("Evidence to review (0)");
  await expect(queue.getByText(/Nothing to review/)).toBeVisible();
  await context.close();
});
