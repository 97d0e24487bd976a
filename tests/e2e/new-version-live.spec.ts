import { expect, test } from "@playwright/test";
import { citedDebateFile, citedText, hostWithImport, JoinPage } from "./pages";

// P-LIVE-6: a new version of a document cited by more than 100 published arguments of a motion
// tells the room to read the motion again, in a small event, rather than sending each page where
// every citation stands now.

const ARGUMENTS = 101;

test("P-LIVE-6: a new version moving the passages of more than 100 arguments sends the room a small event, and an open page reads the motion again", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const {
    context: host,
    page: hostPage,
    code,
    motion,
  } = await hostWithImport<{ id: string; arguments: { citations: { documentId: string }[] }[] }>(
    browser,
    {
      name: "Vera Version",
      email: `new-version-${Date.now()}@school.test`,
      password: "Vera's long password",
    },
    "Rail line seminar",
    citedDebateFile("The winter rail line paid its way", ARGUMENTS),
  );
  const documentId = motion.arguments[0]?.citations[0]?.documentId ?? "";

  const reader = await browser.newContext();
  const page = await reader.newPage();
  await new JoinPage(page).joinAsGuest(code, "Rhea Reader");
  await expect(page.getByRole("heading", { level: 1, name: "Rail line seminar" })).toBeVisible();
  const heard: string[] = [];
  page.on("websocket", (socket) =>
    socket.on("framereceived", ({ payload }) => {
      if (typeof payload === "string" && payload.includes("evidence.reanchored")) {
        heard.push(payload);
      }
    }),
  );
  await page.goto(`/motions/${motion.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "The winter rail line paid its way",
  );
  await expect(page.getByText("Connecting…")).toHaveCount(0);

  const readAgain = page.waitForResponse(
    (response) =>
      response.url().includes(`/api/motions/${motion.id}`) && response.request().method() === "GET",
  );
  const version = await hostPage.request.post(`/api/documents/${documentId}/versions`, {
    headers: { "content-type": "application/json" },
    data: JSON.stringify({ text: `${citedText}\n\nA note added in the second version.` }),
  });
  expect(version.status(), await version.text()).toBe(201);
  expect((await readAgain).status()).toBe(200);
  expect(heard).toHaveLength(1);
  expect(heard[0]).toContain('"readAgain":true');
  expect(heard[0]?.length).toBeLessThan(2_000);
  await host.close();
  await reader.close();
});
