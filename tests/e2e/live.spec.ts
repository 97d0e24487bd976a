import { expect, test } from "@playwright/test";
import { LiveMotionPage, SignUpPage, seriousViolations } from "./pages";

const motionTitle = "Joining the Abraham Accords serves Kazakhstan";

test("two participants debate live: a cited argument, a reply that attacks it, and a post made while one was offline", async ({
  browser,
}) => {
  const [contextA, contextB] = [await browser.newContext(), await browser.newContext()];
  const [pageA, pageB] = [await contextA.newPage(), await contextB.newPage()];
  const stamp = Date.now();
  await new SignUpPage(pageA).signUp({
    name: "Aigerim",
    email: `a-${stamp}@school.test`,
    password: "aigerim's password",
  });
  await new SignUpPage(pageB).signUp({
    name: "Bolat",
    email: `b-${stamp}@school.test`,
    password: "bolat's password 1",
  });
  const [a, b] = [new LiveMotionPage(pageA), new LiveMotionPage(pageB)];
  await a.open(motionTitle);
  await b.open(motionTitle);

  const cited = ((await a.readerParagraphs().nth(3).textContent()) ?? "").trim();
  await a.citeParagraph(3);
  await expect(pageA.locator(".citations-draft blockquote")).toHaveText(cited);
  await a.post("For the motion", `Trade routes open up ${stamp}`);

  const posted = b.argument(`Trade routes open up ${stamp}`);
  await expect(posted).toBeVisible();
  await expect(posted.locator("blockquote").first()).toHaveText(cited);
  await expect(b.side("For the motion")).toContainText(`Trade routes open up ${stamp}`);
  expect(await seriousViolations(pageB)).toEqual([]);

  await posted.getByRole("button", { name: "Reply" }).first().click();
  await b.citeParagraph(5);
  await b.post("Attacks it", `That ignores Iran ${stamp}`);
  const reply = a
    .argument(`Trade routes open up ${stamp}`)
    .locator("li.argument")
    .filter({ hasText: `That ignores Iran ${stamp}` });
  await expect(reply).toBeVisible();
  await expect(reply).toContainText("Attacks");

  await contextA.setOffline(true);
  await expect(a.connectionLost()).toBeVisible();
  await b.citeParagraph(6);
  await b.post("Against the motion", `Sanctions risk ${stamp}`);
  await expect(b.argument(`Sanctions risk ${stamp}`)).toBeVisible();
  await expect(pageA.getByText(`Sanctions risk ${stamp}`)).toHaveCount(0);
  await contextA.setOffline(false);
  await expect(a.argument(`Sanctions risk ${stamp}`)).toBeVisible();
  await expect(a.connectionLost()).toHaveCount(0);
  await expect(a.side("Against the motion")).toContainText(`Sanctions risk ${stamp}`);

  for (const context of [contextA, contextB]) await context.close();
});
