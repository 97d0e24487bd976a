import { expect, type Page, test } from "@playwright/test";
import { SignUpPage, SpacesPage } from "./pages";
import { expectFits, phone } from "./pages/screens";

// A teacher adds the class's reading to a space: what they type is what is kept, what is wrong
// is said in the words of the form, and the page fits a phone.

const text =
  "The Harbour\n\nThe harbour was closed in winter. Trade moved inland by rail.\n\n" +
  "In spring the ice broke and the first ships came back to port.";
const address =
  "https://archive.example.org/port-authority/annual-reports/1921/winter-closure-and-the-rail-freight-that-replaced-it";

async function teacherAddsADocument(page: Page, name: string) {
  await new SignUpPage(page).signUp({
    name,
    email: `${name.split(" ").at(-1)?.toLowerCase()}-${Date.now()}@school.test`,
    password: "a long enough password",
  });
  await new SpacesPage(page).createSpace("History 9");
  await page.getByRole("link", { name: "Add a document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a document" })).toBeVisible();
}

const problem = (page: Page) => page.locator(".document-upload .problem[role=alert]");

test("a title and author corrected after the preview are the ones saved", async ({ page }) => {
  await teacherAddsADocument(page, "Mr Tomas Varga");
  await page.getByLabel("Title").fill("Harbour notes");
  await page.getByLabel("Or paste the text").fill(text);
  await page.getByLabel("Author").fill("Port Athority");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: "Preview: 3 blocks" })).toBeFocused();

  await page.getByLabel("Title").fill("Port Authority report, 1921");
  await page.getByLabel("Author").fill("Port Authority");
  await page.getByRole("button", { name: "Save the document" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Port Authority report, 1921" }),
  ).toBeVisible();
  await expect(page.locator(".details")).toContainText("AuthorPort Authority");
});

test("the source address given is on the document's page, a link that fits a phone", async ({
  page,
}) => {
  await teacherAddsADocument(page, "Ms Ines Duarte");
  await page.getByLabel("Title").fill("Harbour notes");
  await page.getByLabel("Or paste the text").fill(text);
  await page.getByLabel("Source address (URL)").fill(address);
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByRole("button", { name: "Save the document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Harbour notes" })).toBeVisible();
  const source = page.getByRole("link", { name: address });
  await expect(source).toHaveAttribute("href", address);
  await page.setViewportSize(phone);
  await expectFits(page, "document-with-source", "phone");
});

test("the form says what is wrong in the words of its labels, the focus kept on the button pressed, and a text changed after its preview is not saved unseen", async ({
  page,
}) => {
  await teacherAddsADocument(page, "Ms Rosa Ekdahl");
  await page.getByLabel("Title").fill("Harbour notes");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(problem(page)).toHaveText("Choose a file or paste the text, then preview it.");

  await page.getByLabel("Or paste the text").fill(text);
  await page.getByLabel("Source address (URL)").fill("archive.example.org/harbour");
  // Refused by the server, after the form waited for it: a keyboard user is where they were.
  const preview = page.getByRole("button", { name: "Preview" });
  await preview.focus();
  await page.keyboard.press("Enter");
  await expect(problem(page)).toHaveText(
    "Source address (URL) must be a web address starting with http:// or https://.",
  );
  await expect(preview).toBeFocused();

  await page.getByLabel("Source address (URL)").fill(address);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: "Preview: 3 blocks" })).toBeVisible();
  await page
    .getByLabel("Or paste the text")
    .fill(`${text}\n\nA paragraph the preview never showed.`);
  await page.getByRole("button", { name: "Save the document" }).click();
  await expect(problem(page)).toHaveText(
    "The text changed after its preview: preview it again, then save.",
  );
  await expect(page.getByRole("heading", { level: 1, name: "Add a document" })).toBeVisible();

  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: "Preview: 4 blocks" })).toBeVisible();
  await page.getByRole("button", { name: "Save the document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Harbour notes" })).toBeVisible();
  await expect(page.locator(".document-text p")).toHaveText([
    "The harbour was closed in winter. Trade moved inland by rail.",
    "In spring the ice broke and the first ships came back to port.",
    "A paragraph the preview never showed.",
  ]);
});

test("on a phone, the document's page fits with the new version's form open", async ({ page }) => {
  await teacherAddsADocument(page, "Dr Wen Li");
  await page.getByLabel("Title").fill("Harbour notes");
  await page.getByLabel("Or paste the text").fill(text);
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByRole("button", { name: "Save the document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Harbour notes" })).toBeVisible();

  await page.setViewportSize(phone);
  await page.getByText("Upload a new version").click();
  await expect(page.getByLabel(/A file/)).toBeVisible();
  await expectFits(page, "document-new-version", "phone", { fullPage: true });
});

test("from the keyboard, a moderator adds a paragraph of the document's page to a motion and drafts it", async ({
  page,
}) => {
  await teacherAddsADocument(page, "Mx Ari Quist");
  await page.getByLabel("Title").fill("Harbour notes");
  await page.getByLabel("Or paste the text").fill(text);
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByRole("button", { name: "Save the document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Harbour notes" })).toBeVisible();

  // Each paragraph has its own button, shown as the keyboard reaches it.
  const add = page.getByRole("button", { name: "Add this paragraph" });
  await expect(add).toHaveCount(2);
  await add.first().focus();
  await expect(add.first()).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "1 passage gathered." })).toBeVisible();
  const draft = page.getByRole("button", { name: "Draft a motion from 1 passage" });
  await draft.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "This motion is a draft" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(
    "The harbour was closed in winter. Trade moved inland by rail.",
  );
});
