import { expect, type Page } from "@playwright/test";

/** The name playwright.config.ts gives the test identity provider (OIDC_NAME). */
export const institution = "Northfield School";

/**
 * Signing in with the institution: the button on Moot's page, then the provider's own login page
 * (tests/support/oidcProvider.ts: the login names the account, any password will do).
 */
export class InstitutionSignIn {
  constructor(readonly page: Page) {}
  button() {
    return this.page.getByRole("button", { name: `Sign in with ${institution}` });
  }
  async signInAs(login: string) {
    await this.loginAtProvider(login, () => this.button().click());
  }
  async linkAs(login: string) {
    const link = this.page.getByRole("button", { name: `Link ${institution} sign-in` });
    await this.loginAtProvider(login, () => link.click());
  }
  /** Starts the sign-in, then turns back on the provider's own page ("[ Cancel ]"). */
  async cancelAtProvider() {
    await this.button().click();
    await expect(this.page.locator("input[name=login]")).toBeVisible();
    await this.page.getByRole("link", { name: "[ Cancel ]" }).click();
  }
  private async loginAtProvider(login: string, start: () => Promise<void>) {
    const moot = new URL(this.page.url()).origin;
    await start();
    const loginField = this.page.locator("input[name=login]");
    await expect(loginField).toBeVisible();
    // The provider's own page, on its own origin: Moot never sees the password.
    expect(new URL(this.page.url()).origin).not.toBe(moot);
    await loginField.fill(login);
    await this.page.locator("input[name=password]").fill("any password");
    await this.page.getByRole("button", { name: "Sign-in" }).click();
  }
}
