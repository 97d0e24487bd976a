import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import {
  AccountPage,
  LiveMotionPage,
  SignInPage,
  SignUpPage,
  SpacesPage,
  seriousViolations,
} from "./pages";
import { expectFitsPhoneAndLaptop } from "./pages/screens";
import { connectWith, sessionCookieOf } from "./pages/sockets";

// Signing out ends the session on the server: a copy of its cookie, taken before, is refused
// afterwards by pages, REST and Socket.IO (P-AUTH-3), and "Sign out everywhere" ends them all.

/** Presses Tab until `name`'s button has the focus, as a keyboard user reaches it. */
async function tabTo(page: Page, name: string) {
  const button = page.getByRole("button", { name });
  for (let presses = 0; presses < 40; presses++) {
    if (await button.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached the button "${name}"`);
}

async function postCredentials(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const answer = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password },
    maxRedirects: 0,
  });
  expect(answer.status()).toBe(302);
}

test("P-AUTH-3: a copied session cookie is refused by pages, REST and Socket.IO once its browser signs out", async ({
  browser,
  baseURL,
}) => {
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  await new SignUpPage(ownerPage).signUp({
    name: "Ines Copied",
    email: `ines-${Date.now()}@school.test`,
    password: "ines's long password",
  });
  await new SpacesPage(ownerPage).createSpace("A private seminar");
  const spaceUrl = ownerPage.url();
  await ownerPage.getByLabel("Title").fill("Cookies should not outlive their session");
  await ownerPage.getByRole("button", { name: "Create motion" }).click();
  await expect(ownerPage.getByRole("heading", { level: 1 })).toHaveText(
    "Cookies should not outlive their session",
  );
  const motionUrl = ownerPage.url();
  const motionId = new URL(motionUrl).pathname.split("/").at(-1) ?? "";

  // Someone copies the session cookie while the owner is still signed in: it works for now.
  const session = sessionCookieOf(await owner.cookies());
  const cookieHeader = `${session.name}=${session.value}`;
  const copy = await browser.newContext();
  await copy.addCookies([session]);
  const copyPage = await copy.newPage();
  await copyPage.goto(motionUrl);
  await expect(copyPage.getByText("Connecting…")).toHaveCount(0);
  await expect(copyPage.getByRole("banner")).toContainText("Ines Copied");
  const openSocket = await connectWith(baseURL ?? "", cookieHeader);
  expect(await openSocket.emitWithAck("motion:join", { motionId, sinceSeq: 0 })).toMatchObject({
    ok: true,
  });
  const closed = new Promise<string>((resolve) => openSocket.once("disconnect", resolve));

  await ownerPage.goto("/signout");
  await ownerPage.getByRole("button", { name: "Sign out" }).click();
  await expect(ownerPage.getByRole("banner")).toContainText("Sign in");

  // The session's open connections are closed: the copy's motion page and the outside socket.
  expect(await closed).toBe("io server disconnect");
  await expect(new LiveMotionPage(copyPage).signedOutNotice()).toBeVisible();

  // A page treats the copy as a visitor: the private space is not there for it.
  const page = await copyPage.goto(spaceUrl);
  expect(page?.status()).toBe(404);
  await expect(copyPage.getByRole("banner")).toContainText("Sign in");
  await expect(copyPage.getByRole("banner")).not.toContainText("Ines Copied");

  // REST refuses its writes and its reads of the account's spaces.
  const write = await copyPage.request.post("/api/spaces", { data: { name: "Made by a copy" } });
  expect(write.status()).toBe(401);
  expect((await copyPage.request.get("/api/spaces")).status()).toBe(401);

  // A new handshake with the copied cookie is a visitor's: the private motion is not there.
  const again = await connectWith(baseURL ?? "", cookieHeader);
  expect(await again.emitWithAck("motion:join", { motionId, sinceSeq: 0 })).toMatchObject({
    ok: false,
    error: { code: "not_found" },
  });
  again.disconnect();
  for (const context of [owner, copy]) await context.close();
});

test("Sign out everywhere on /account signs the account out of its other browser, by keyboard, on a phone", async ({
  browser,
}) => {
  const name = "Pat Twodevices";
  const email = `pat-${Date.now()}@school.test`;
  const password = "pat's long password";
  const laptop = await browser.newContext();
  const laptopPage = await laptop.newPage();
  await new SignUpPage(laptopPage).signUp({ name, email, password });

  // The laptop has a motion open, live.
  await laptopPage.goto("/");
  await laptopPage
    .getByRole("link", { name: "Joining the Abraham Accords serves Kazakhstan" })
    .click();
  await expect(laptopPage.getByRole("heading", { level: 1 })).toBeVisible();

  const phone = await browser.newContext();
  const phonePage = await phone.newPage();
  await new SignInPage(phonePage).signIn(email, password);
  await expect(phonePage.getByRole("heading", { level: 1, name: "Spaces" })).toBeVisible();

  const account = new AccountPage(phonePage);
  await account.openFromMenu();
  await expect(account.fact("Name")).toHaveText(name);
  await expect(account.fact("Email")).toHaveText(email);
  await expect(phonePage.getByText("You are signed in on 2 browsers or devices")).toBeVisible();
  expect(await seriousViolations(phonePage)).toEqual([]);
  await expectFitsPhoneAndLaptop(phonePage, "account");

  await phonePage.setViewportSize({ width: 390, height: 844 });
  await tabTo(phonePage, "Sign out everywhere");
  await phonePage.keyboard.press("Enter");
  await expect(phonePage.getByRole("heading", { level: 2, name: "Motions" })).toBeVisible();
  await expect(phonePage.getByRole("banner")).toContainText("Sign in");

  // The laptop, which did nothing, is signed out too: its open motion page says so at once.
  await expect(new LiveMotionPage(laptopPage).signedOutNotice()).toBeVisible();
  await laptopPage.reload();
  await expect(laptopPage.getByRole("banner")).toContainText("Sign in");
  await expect(laptopPage.getByRole("banner")).not.toContainText(name);

  // A visitor on the account page is asked to sign in.
  await laptopPage.goto("/account");
  await expect(laptopPage.getByRole("main").getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(account.signOutEverywhere()).toHaveCount(0);
  expect(await seriousViolations(laptopPage)).toEqual([]);
  for (const context of [laptop, phone]) await context.close();
});

test("over REST: Auth.js's sign-out ends the session on the server, and DELETE /api/me/sessions ends every one", async ({
  playwright,
  baseURL,
}) => {
  const email = `rest-${Date.now()}@school.test`;
  const password = "a password for rest";
  const clients = await Promise.all(
    [1, 2, 3].map(() => playwright.request.newContext({ baseURL })),
  );
  const [first, second, third] = clients as [
    APIRequestContext,
    APIRequestContext,
    APIRequestContext,
  ];
  expect(
    (await first.post("/api/users", { data: { name: "Rae Rest", email, password } })).status(),
  ).toBe(201);
  for (const client of clients) await postCredentials(client, email, password);

  // A copy of the first client's cookie, then the first signs out through Auth.js.
  const { cookies } = await first.storageState();
  const copied = sessionCookieOf(cookies);
  const { csrfToken } = await (await first.get("/api/auth/csrf")).json();
  await first.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
  const stranger = await playwright.request.newContext({ baseURL });
  const withCopy = { headers: { cookie: `${copied.name}=${copied.value}` } };
  expect((await stranger.get("/api/spaces", withCopy)).status()).toBe(401);
  expect(
    (await stranger.post("/api/spaces", { ...withCopy, data: { name: "Copy" } })).status(),
  ).toBe(401);
  expect((await second.get("/api/spaces")).status()).toBe(200);

  // The second signs out everywhere: the third is signed out too.
  const everywhere = await second.delete("/api/me/sessions");
  expect(everywhere.status()).toBe(200);
  expect(await everywhere.json()).toEqual({ ended: 2 });
  expect((await third.get("/api/spaces")).status()).toBe(401);
  expect(await (await third.get("/api/auth/session")).json()).toBeNull();
  expect((await third.delete("/api/me/sessions")).status()).toBe(401);
  for (const client of [...clients, stranger]) await client.dispose();
});

test("signing out with no connection says so and leaves the page as it was; back online, it signs out", async ({
  page,
  context,
}) => {
  await new SignUpPage(page).signUp({
    name: "Ola Offline",
    email: `ola-${Date.now()}@example.test`,
    password: "ola's long password",
  });
  await page.goto("/signout");
  const signOut = page.getByRole("button", { name: "Sign out" });
  await context.setOffline(true);
  await signOut.click();
  await expect(
    page.getByRole("alert").filter({ hasText: "That was not sent, or its answer was lost" }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Sign out" })).toBeVisible();
  await expectFitsPhoneAndLaptop(page, "signout-unanswered");
  await context.setOffline(false);
  await signOut.click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/signout");
  await expect(page.getByText("You are not signed in.")).toBeVisible();
});
