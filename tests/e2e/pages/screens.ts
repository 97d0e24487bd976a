import { expect, type Page } from "@playwright/test";

export const phone = { width: 390, height: 844 };
export const laptop = { width: 1280, height: 800 };
export const projector = { width: 1920, height: 1080 };

/**
 * The page as it stands fits its screen: nothing runs off the side (the first elements that do
 * are named). It saves a screenshot as test-results/screens/<name>-<size>.png to look at.
 */
export async function expectFits(
  page: Page,
  name: string,
  size: string,
  { fullPage = false }: { fullPage?: boolean } = {},
) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName}.${el.className}`),
  );
  expect(overflow, `${name} scrolls sideways on a ${size}: ${wide.join(", ")}`).toBeLessThanOrEqual(
    0,
  );
  await page.screenshot({ path: `test-results/screens/${name}-${size}.png`, fullPage });
}

/** The page at a phone's and a laptop's size in turn (ending on the laptop), fitting each. */
export async function expectFitsPhoneAndLaptop(
  page: Page,
  name: string,
  { fullPage = false, scrollTo }: { fullPage?: boolean; scrollTo?: string } = {},
) {
  for (const [size, viewport] of Object.entries({ phone, laptop })) {
    await page.setViewportSize(viewport);
    if (scrollTo) await page.locator(scrollTo).scrollIntoViewIfNeeded();
    await expectFits(page, name, size, { fullPage });
  }
}
