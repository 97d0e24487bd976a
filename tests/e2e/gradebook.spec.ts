import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import Papa from "papaparse";
import { JoinPage, problemOn, SignUpPage, SpacesPage, seriousViolations } from "./pages";
import { expectFitsPhoneAndLaptop } from "./pages/screens";

test("a teacher sets a rubric and a mark, sees the score change, and downloads the CSV", async ({
  browser,
  page,
}) => {
  await new SignUpPage(page).signUp({
    name: "Greta Grader",
    email: `gradebook-${Date.now()}@school.test`,
    password: "a long enough password",
  });
  const space = await new SpacesPage(page).createSpace("Graded seminar");
  const spacePath = new URL(page.url()).pathname;
  const code = (await space.joinCode().textContent()) ?? "";
  await page.getByLabel("Title").fill("Railways paid for themselves");
  await page.getByRole("button", { name: "Create motion" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Railways paid for themselves");
  const motionId = new URL(page.url()).pathname.split("/").at(-1) ?? "";

  // A student joins with the code and argues once.
  const student = await browser.newContext();
  const studentPage = await student.newPage();
  await new JoinPage(studentPage).joinAsGuest(code, "Sam Student");
  await expect(
    studentPage.getByRole("heading", { level: 1, name: "Graded seminar" }),
  ).toBeVisible();
  const posted = await studentPage.request.post(`/api/motions/${motionId}/arguments`, {
    data: { parentId: null, relation: "for", body: "Freight paid the loans.", citations: [] },
  });
  expect(posted.status()).toBe(201);

  await page.goto(spacePath);
  await page.getByRole("link", { name: "Gradebook" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gradebook" })).toBeVisible();
  const sam = page.getByTestId("grade-Sam Student");
  // The default rubric: one post of three for full marks, weighted 40 of 100.
  await expect(sam.getByTestId("motion-score")).toHaveText("13.3");

  await page.getByText("Rubric", { exact: true }).click();
  const weight = (name: string) => page.getByLabel(name, { exact: true });
  // Weights of nothing at all are refused with a sentence, keeping what was typed.
  for (const name of ["Posting", "Evidence", "Engagement"]) await weight(name).fill("0");
  await page.getByRole("button", { name: "Save rubric" }).click();
  await expect(problemOn(page)).toContainText("At least one weight must be above 0");
  await expect(weight("Posting")).toHaveValue("0");
  await weight("Posting").fill("40");
  await weight("Evidence").fill("30");
  await weight("Engagement").fill("30");
  await weight("Your mark").fill("50");
  await page.getByRole("button", { name: "Save rubric" }).click();
  await expect(page.getByText("Rubric saved: the scores below follow it.")).toBeVisible();
  await expect(sam.getByTestId("motion-score")).toHaveText("8.9");

  // On a phone the table scrolls to the mark, and the row's name stays in view beside it.
  await page.setViewportSize({ width: 390, height: 844 });
  const scroller = page.locator(".motion-grades .table-scroll").first();
  await page.getByLabel("Mark for Sam Student, out of 100 (empty for none)").focus();
  expect(await scroller.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
  const name = await sam.getByRole("rowheader", { name: "Sam Student" }).boundingBox();
  const box = await scroller.boundingBox();
  expect(name && box && name.x >= box.x - 1).toBe(true);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByLabel("Mark for Sam Student, out of 100 (empty for none)").fill("80");
  await page.getByLabel("Comment for Sam Student").fill("A good start: now cite the report.");
  await sam.getByRole("button", { name: "Save" }).click();
  await expect(sam.getByTestId("motion-score")).toHaveText("35.6");
  await expect(page.getByTestId("grades-table")).toContainText("35.6");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("grades-graded-seminar.csv");
  const csv = (await readFile((await download.path()) ?? "", "utf8")).replace(/^\uFEFF/, "");
  const [header, ...rows] = Papa.parse<string[]>(csv, {
    newline: "\r\n",
    skipEmptyLines: true,
  }).data;
  expect(header).toEqual(["name", "email", "Railways paid for themselves", "total", "user id"]);
  expect(rows).toHaveLength(1);
  expect(rows[0]?.slice(0, 4)).toEqual(["Sam Student", "", "35.6", "35.6"]);

  await page.reload();
  await expectFitsPhoneAndLaptop(page, "gradebook");
  expect(await seriousViolations(page)).toEqual([]);

  // The student reads their own grades, with the comment, at the same address.
  await studentPage.goto(`${spacePath}/grades`);
  await expect(studentPage.getByRole("heading", { level: 1, name: "Your grades" })).toBeVisible();
  await expect(studentPage.getByTestId("own-total")).toHaveText("Your total: 35.6 out of 100");
  await expect(studentPage.getByText("A good start: now cite the report.")).toBeVisible();
  await expectFitsPhoneAndLaptop(studentPage, "own-grades");
  expect(await seriousViolations(studentPage)).toEqual([]);
  const theirs = await studentPage.request.get(`/api/spaces${spacePath.slice(7)}/grades`);
  expect(theirs.status()).toBe(404);
  await student.close();
});

test("on a phone, a student with a long name still has their scores and mark field in view", async ({
  browser,
  page,
}) => {
  await new SignUpPage(page).signUp({
    name: "Lena Longnames",
    email: `gradebook-phone-${Date.now()}@school.test`,
    password: "a long enough password",
  });
  const space = await new SpacesPage(page).createSpace("Seminar of long names");
  const spacePath = new URL(page.url()).pathname;
  const code = (await space.joinCode().textContent()) ?? "";
  await page.getByLabel("Title").fill("Canals paid for themselves");
  await page.getByRole("button", { name: "Create motion" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Canals paid for themselves");
  const motionId = new URL(page.url()).pathname.split("/").at(-1) ?? "";

  const longName = "Dana Omarova with a rather long family name";
  const student = await browser.newContext();
  const studentPage = await student.newPage();
  await new JoinPage(studentPage).joinAsGuest(code, longName);
  await expect(
    studentPage.getByRole("heading", { level: 1, name: "Seminar of long names" }),
  ).toBeVisible();
  const posted = await studentPage.request.post(`/api/motions/${motionId}/arguments`, {
    data: { parentId: null, relation: "for", body: "Tolls paid the loans.", citations: [] },
  });
  expect(posted.status()).toBe(201);
  await student.close();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${spacePath}/grades`);
  const row = page.getByTestId(`grade-${longName}`);
  const mark = page.getByLabel(`Mark for ${longName}, out of 100 (empty for none)`);
  await mark.focus();
  // The name stays pinned at the left as the table scrolls: the field must sit beside it, inside
  // the box, not under it.
  const name = await row.getByRole("rowheader", { name: longName }).boundingBox();
  const field = await mark.boundingBox();
  const box = await page.locator(".motion-grades .table-scroll").first().boundingBox();
  if (!name || !field || !box) throw new Error("the motion's grades table is not drawn");
  expect(field.x, "the mark field is not hidden under the name").toBeGreaterThanOrEqual(
    name.x + name.width - 1,
  );
  expect(field.x + field.width).toBeLessThanOrEqual(box.x + box.width + 1);
  await expectFitsPhoneAndLaptop(page, "gradebook-long-name");
});
