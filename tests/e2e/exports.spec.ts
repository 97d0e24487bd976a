import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { SignUpPage, SpacesPage, seriousViolations, teacherOpensMotion } from "./pages";
import { expectFitsPhoneAndLaptop } from "./pages/screens";

test("a teacher exports a debate and imports it into another space", async ({ page }) => {
  await new SignUpPage(page).signUp({
    name: "Esra Exporter",
    email: `exports-${Date.now()}@school.test`,
    password: "a long enough password",
  });
  await new SpacesPage(page).createSpace("Exporting seminar");
  await page.getByLabel("Title").fill("Homework should be optional");
  await page.getByRole("button", { name: "Create motion" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Homework should be optional");
  const motionId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  const posted = await page.request.post(`/api/motions/${motionId}/arguments`, {
    data: { parentId: null, relation: "for", body: "Pupils learn to plan.", citations: [] },
  });
  expect(posted.status()).toBe(201);
  await page.reload();

  await page.getByText("Export", { exact: true }).click();
  const report = page.getByRole("link", { name: "Report (Markdown)" });
  await expect(report).toBeVisible();
  const download = await page.request.get((await report.getAttribute("href")) ?? "");
  expect(download.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
  expect(await download.text()).toContain("Pupils learn to plan.");
  await expectFitsPhoneAndLaptop(page, "export-menu", { scrollTo: ".export-menu" });
  expect(await seriousViolations(page)).toEqual([]);

  const json = await (await page.request.get(`/api/motions/${motionId}/export?format=json`)).body();
  await page.goto("/spaces");
  await new SpacesPage(page).createSpace("Importing seminar");
  const form = page.getByRole("region", { name: "Import a debate" });
  await form.getByLabel("Exported debate (.json)").setInputFiles({
    name: "notes.json",
    mimeType: "application/json",
    buffer: Buffer.from("these are not the notes you want"),
  });
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("alert")).toContainText("not JSON");
  await expectFitsPhoneAndLaptop(page, "import-form", { scrollTo: "#import-debate-heading" });
  expect(await seriousViolations(page)).toEqual([]);

  await form.getByLabel("Exported debate (.json)").setInputFiles({
    name: "homework.json",
    mimeType: "application/json",
    buffer: json,
  });
  await form.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Homework should be optional");
  expect(new URL(page.url()).pathname).not.toBe(`/motions/${motionId}`);
  await expect(page.getByText("Pupils learn to plan.")).toBeVisible();
});

test("a moderator downloads the participation CSV as the results page shows it, and once no longer one is told why it is refused", async ({
  browser,
}) => {
  const stamp = Date.now();
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  const { code, spacePath, motionPath } = await teacherOpensMotion(
    teacher,
    { name: "Petra Owner", email: `petra-${stamp}@school.test`, password: "petra's long password" },
    "Participation seminar",
    "Exams should be open book",
  );
  const motionId = motionPath.split("/").at(-1) ?? "";
  const helperContext = await browser.newContext();
  const helper = await helperContext.newPage();
  await new SignUpPage(helper).signUp({
    name: "Mo Helper",
    email: `mo-${stamp}@school.test`,
    password: "mo's long password",
  });
  await helper.goto("/join");
  await helper.getByLabel("Join code").fill(code);
  await helper.getByRole("button", { name: "Join" }).click();
  await expect(
    helper.getByRole("heading", { level: 1, name: "Participation seminar" }),
  ).toBeVisible();
  const members = (await (
    await teacher.request.get(`/api/${spacePath.slice(1)}/members`)
  ).json()) as { userId: string; name: string }[];
  const mo = members.find((m) => m.name === "Mo Helper")?.userId;
  const setRole = async (role: string) => {
    const changed = await teacher.request.patch(`/api/${spacePath.slice(1)}/members/${mo}`, {
      data: { role },
    });
    expect(changed.status(), await changed.text()).toBe(200);
  };
  await setRole("moderator");
  const posted = await helper.request.post(`/api/motions/${motionId}/arguments`, {
    data: { parentId: null, relation: "against", body: "Open books test lookup.", citations: [] },
  });
  expect(posted.status()).toBe(201);

  await helper.goto(`${motionPath}/results`);
  const table = helper.getByRole("table").filter({ hasText: "Minutes active" });
  const shown = await table
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll("th, td")].map((c) => c.textContent?.trim())),
    );
  const button = helper.getByRole("link", { name: "Download CSV" });
  const [file] = await Promise.all([helper.waitForEvent("download"), button.click()]);
  expect(file.suggestedFilename()).toBe("participation-exams-should-be-open-book.csv");
  const answer = await helper.request.get((await button.getAttribute("href")) ?? "");
  expect(answer.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(answer.headers()["content-disposition"]).toBe(
    'attachment; filename="participation-exams-should-be-open-book.csv"',
  );
  const [header, ...lines] = (await readFile((await file.path()) ?? "", "utf8"))
    .replace(/^\uFEFF/, "")
    .split("\r\n");
  const headings = await table.locator("thead th").allTextContents();
  // The page's columns in its order, then the id that tells two members of one name apart.
  expect(header?.split(",")).toEqual([
    ...headings.map((h) => h.replace(/[▲▼]/g, "").trim().toLowerCase()),
    "user id",
  ]);
  // Each row as the page shows it (its role in words of its own case), and both members.
  expect(lines.map((line) => line.split(",").slice(0, -1).join(",").toLowerCase())).toEqual(
    shown.map((cells) => cells.join(",").toLowerCase()),
  );
  expect(lines.map((line) => line.split(",")[0])).toEqual(["Mo Helper", "Petra Owner"]);

  // Made a participant while the page is open: the button says why, rather than fail silently.
  await setRole("participant");
  await button.click();
  await expect(helper.getByRole("alert").filter({ hasText: "not downloaded" })).toContainText(
    "Only the space's owners and moderators moderate a debate.",
  );
  for (const context of [teacherContext, helperContext]) await context.close();
});
