import { expect, test } from "@playwright/test";
import { SignUpPage, SpacesPage, seriousViolations } from "./pages";
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
