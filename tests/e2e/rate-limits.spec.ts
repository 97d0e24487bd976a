import { expect, test } from "@playwright/test";
import { LiveMotionPage, SignUpPage, seriousViolations } from "./pages";

// A motion of its own, so the other specs' motions keep the arguments they expect.
const motionTitle = "Kazakhstan can be a credible broker between Israel and Iran";

test("a member posting too fast is told when they can post again, and the post goes out by itself then (P-RATE-1)", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  await new SignUpPage(page).signUp({
    name: "Dana",
    email: `dana-${stamp}@school.test`,
    password: "dana's long password",
  });
  const reader = new LiveMotionPage(page);
  await reader.open(motionTitle);
  const motionId = new URL(page.url()).pathname.split("/").at(-1);

  // The account's posts for this window, spent over REST (a try counts even when it is refused).
  const send = () => page.request.post(`/api/motions/${motionId}/arguments`, { data: {} });
  for (let i = 0; i < 10; i++) expect((await send()).status()).toBe(400);
  const refused = await send();
  expect(refused.status()).toBe(429);
  const wait = Number(refused.headers()["retry-after"]);
  expect(wait).toBeGreaterThanOrEqual(1);
  expect((await refused.json()).error).toMatchObject({ code: "rate_limited" });

  await reader.selectAndCite(3);
  await reader.post("For the motion", `Worth the wait ${stamp}`);
  const notice = page.getByRole("timer");
  await expect(notice).toHaveText(/^You can post again in \d+ s/);
  expect(await seriousViolations(page)).toEqual([]);
  await notice.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/hold-notice-laptop.png" });
  const posted = reader.argument(`Worth the wait ${stamp}`);
  await expect(posted).toContainText("Sending…");

  // Once the time has passed the post is sent, stored and shown like any other.
  await expect(posted).not.toContainText("Sending…", { timeout: (wait + 10) * 1000 });
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(reader.argument(`Worth the wait ${stamp}`)).toBeVisible();
});
