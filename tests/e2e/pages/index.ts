import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export class HomePage {
  constructor(readonly page: Page) {}
  async open() {
    await this.page.goto("/");
    await expect(this.page.getByRole("heading", { level: 1, name: "Motions" })).toBeVisible();
  }
  motionLinks() {
    return this.page.locator(".card-title a[href^='/motions/']");
  }
  async openMotion(title: string) {
    await this.page.getByRole("link", { name: title }).click();
    return new MotionPage(this.page);
  }
}

export class MotionPage {
  constructor(readonly page: Page) {}
  heading() {
    return this.page.getByRole("heading", { level: 1 });
  }
  sources() {
    return this.page.locator("ol.sources > li");
  }
  side(name: "For the motion" | "Against the motion") {
    return this.page.getByRole("region", { name });
  }
  readInContext(index: number) {
    return this.sources()
      .nth(index)
      .getByRole("link", { name: /^Read passage \d+ in context$/ });
  }
}

export class ReaderPage {
  constructor(readonly page: Page) {}
  activePassage() {
    return this.page.locator("mark.passage-active");
  }
  passageList() {
    return this.page.getByRole("navigation", { name: "Cited passages" });
  }
}

/** Axe's serious and critical findings on the page as it is now. */
export async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}
