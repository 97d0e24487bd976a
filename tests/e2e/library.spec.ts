import { expect, test } from "@playwright/test";
import { type PdfLine, textPdf } from "../support/pdf";
import {
  JoinPage,
  MotionPage,
  SignUpPage,
  SpacesPage,
  selectQuote,
  seriousViolations,
} from "./pages";

// A teacher brings the class's reading as a PDF, drafts a motion from one of its passages and
// opens it; a student argues from another; then the teacher uploads a corrected edition.

const report = (paragraphs: string[]): PdfLine[] => [
  { text: "1. Findings", size: 14 },
  ...paragraphs.map((text, i) => ({ text, gapBefore: i === 0 ? 6 : 12 })),
];

const tram = "The tram line carried more people than the buses it replaced.";
const cost = "The city paid twice the first estimate for the depot.";
const filler = "Ridership grew slowly in the first two years.";

test("a moderator uploads a PDF, drafts and opens a motion from it, and a new version keeps the evidence true", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const teacherContext = await browser.newContext();
  const studentContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await new SignUpPage(teacher).signUp({
    name: "Ms Ana Lindqvist",
    email: `lindqvist-${Date.now()}@school.test`,
    password: "lindqvist's long password",
  });
  const space = await new SpacesPage(teacher).createSpace("Urban Studies");
  const spacePath = new URL(teacher.url()).pathname;
  const code = (await space.joinCode().textContent()) ?? "";

  // The PDF, made here: a heading and three paragraphs on two pages, as a word processor prints
  // them, with a running header and page numbers that are not part of the text.
  const first = Buffer.from(
    await textPdf([report([filler, tram]), [{ text: cost }]], { header: "City Review" }),
  );
  await teacher.getByRole("link", { name: "Add a document" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Add a document" })).toBeVisible();
  await teacher.getByLabel("Title").fill("Tram report");
  await teacher.getByLabel(/A file/).setInputFiles({
    name: "tram-report.pdf",
    mimeType: "application/pdf",
    buffer: first,
  });
  await teacher.getByRole("button", { name: "Preview" }).click();
  const preview = teacher.getByRole("region", { name: /Preview/ });
  await expect(preview).toContainText(tram);
  await expect(preview).not.toContainText("City Review");
  // The preview opens below the form: it is brought into view and takes the focus.
  await expect(preview.getByRole("heading", { name: /Preview/ })).toBeFocused();
  await expect(preview.getByRole("heading", { name: /Preview/ })).toBeInViewport();
  await teacher.getByRole("button", { name: "Save the document" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Tram report" })).toBeVisible();
  const documentPath = new URL(teacher.url()).pathname;
  // Its breadcrumb leads back to the space's documents, not to the public library.
  await expect(
    teacher.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link"),
  ).toHaveAttribute("href", `${spacePath}#documents-heading`);

  // A motion drafted from the tram passage, worded and opened.
  await selectQuote(teacher, tram);
  await teacher.getByRole("button", { name: "Add the selected passage" }).click();
  await teacher.getByRole("button", { name: "Draft a motion from 1 passage" }).click();
  await expect(teacher.getByRole("heading", { name: "This motion is a draft" })).toBeVisible();
  // Until its script has run, the draft's page cannot be sent: a click then would have had the
  // browser load the page again with the wording in its address, and open nothing.
  const unscripted = await teacherContext.newPage();
  await unscripted.route("**/_next/static/**/*.js", (route) => route.abort());
  await unscripted.goto(teacher.url());
  await expect(unscripted.getByRole("heading", { name: "This motion is a draft" })).toBeVisible();
  await expect(unscripted.getByLabel("Title")).toBeEditable();
  await expect(unscripted.getByRole("button", { name: "Open the motion" })).toBeDisabled();
  await expect(unscripted.getByRole("button", { name: "Save the draft" })).toBeDisabled();
  await unscripted.close();
  await expect(teacher.getByRole("button", { name: "Open the motion" })).toBeEnabled();
  await teacher.getByLabel("Title").fill("The city should build more tram lines");
  await teacher.getByRole("button", { name: "Open the motion" }).click();
  await expect(teacher.getByRole("heading", { level: 1 })).toHaveText(
    "The city should build more tram lines",
  );
  const motionPath = new URL(teacher.url()).pathname;

  // A student argues against it from the cost passage.
  const student = await studentContext.newPage();
  await new JoinPage(student).joinAsGuest(code, "Omar");
  await expect(student.getByRole("heading", { level: 1, name: "Urban Studies" })).toBeVisible();
  await student.goto(motionPath);
  await expect(student.getByText("Connecting…")).toHaveCount(0);
  const paragraph = student.locator(".reader-text p[data-start]").filter({ hasText: cost });
  await paragraph.selectText();
  await student.getByRole("button", { name: "Cite the selected text" }).click();
  await student.getByRole("radio", { name: "Against the motion" }).check();
  await student.getByLabel("Argument", { exact: true }).fill("It cost far more than promised.");
  await student.getByRole("button", { name: "Post" }).click();
  await expect(teacher.getByText("It cost far more than promised.")).toBeVisible();

  // The corrected edition: a new first paragraph moves the tram passage; the cost one is gone.
  const second = Buffer.from(
    await textPdf(
      [
        report(["This edition corrects the figures.", filler, tram]),
        [{ text: "The depot opened in spring." }],
      ],
      { header: "City Review" },
    ),
  );
  await teacher.goto(documentPath);
  await teacher.getByText("Upload a new version").click();
  await teacher.getByLabel(/A file/).setInputFiles({
    name: "tram-report-2.pdf",
    mimeType: "application/pdf",
    buffer: second,
  });
  await teacher.getByRole("button", { name: "Preview" }).click();
  await teacher.getByRole("button", { name: "Save the new version" }).click();
  await expect(teacher.getByText(/Version\s*2/)).toBeVisible();

  // The motion's source followed the move; the student's citation is marked, and queued.
  await teacher.goto(motionPath);
  await new MotionPage(teacher).openSources();
  await teacher.getByRole("link", { name: "Read passage 1 in context" }).click();
  await expect(teacher.locator("mark.passage-active")).toContainText(tram);
  await student.reload();
  const argument = student.locator("li.argument").filter({ hasText: "It cost far more" });
  await expect(argument).toContainText("Evidence changed");
  await argument.getByRole("link", { name: "Read it as cited" }).click();
  await expect(student.getByText(/You are reading version 1/)).toBeVisible();
  await expect(student.locator("mark.passage-active")).toContainText(cost);

  await teacher.goto(spacePath);
  const queue = teacher.getByRole("region", { name: /Evidence to review/ });
  await expect(queue).toContainText("Gone from the new version");
  await expect(queue).toContainText(cost);
  expect(await seriousViolations(teacher)).toEqual([]);
  await queue.getByRole("button", { name: "Detach the citation" }).click();
  await expect(teacher.getByRole("region", { name: /Evidence to review \(0\)/ })).toBeVisible();
  await student.goto(motionPath);
  await expect(
    student.locator("li.argument").filter({ hasText: "It cost far more" }),
  ).toContainText("A moderator detached");
  for (const context of [teacherContext, studentContext]) await context.close();
});

test("a moderator pastes Markdown, corrects the preview's blocks, and the document keeps the corrections", async ({
  page,
}) => {
  await new SignUpPage(page).signUp({
    name: "Mr Idris Bako",
    email: `bako-${Date.now()}@school.test`,
    password: "bako's long password",
  });
  await new SpacesPage(page).createSpace("Economics 12");
  await page.getByRole("link", { name: "Add a document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a document" })).toBeVisible();
  await page.getByLabel("Title").fill("Notes on tariffs");
  await page
    .getByLabel("Or paste the text")
    .fill(
      "# Tariffs\n\nA tariff taxes imports. It raises prices at home.\n\nFigure 1: prices\n\nExporters lose\n\nmarkets abroad.",
    );
  await page.getByLabel("Pasted text is").selectOption("markdown");
  await page.getByRole("button", { name: "Preview" }).click();
  const blocks = page.locator(".preview-block");
  await expect(blocks).toHaveCount(5);
  // The importer could not know these: a caption, a sentence cut in two, two ideas in one.
  await blocks.nth(2).getByLabel("Kind").selectOption("caption");
  await blocks.nth(3).getByRole("button", { name: "Join with the next" }).click();
  await expect(blocks).toHaveCount(4);
  await blocks.nth(1).getByRole("button", { name: "Split…" }).click();
  await blocks
    .nth(1)
    .getByRole("button", { name: /After “…A tariff taxes imports\.”/ })
    .click();
  await expect(blocks).toHaveCount(5);
  await page.getByRole("button", { name: "Save the document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notes on tariffs" })).toBeVisible();
  const text = page.locator(".document-text");
  await expect(text.locator("p")).toHaveText([
    "A tariff taxes imports.",
    "It raises prices at home.",
    "Figure 1: prices",
    "Exporters lose markets abroad.",
  ]);
  await expect(text.locator("p.caption")).toHaveText("Figure 1: prices");
});
