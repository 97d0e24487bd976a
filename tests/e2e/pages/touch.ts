import type { Page } from "@playwright/test";

type Point = { x: number; y: number };

/**
 * Fingers on a touch screen, through Chrome's own input pipeline (CDP Input.dispatchTouchEvent):
 * the page's touch-action and its pointer handlers decide what a gesture does, as on a phone.
 * The page's context needs `hasTouch: true`.
 */
export class Fingers {
  private constructor(private readonly send: (type: string, points: Point[]) => Promise<void>) {}

  static async on(page: Page) {
    const cdp = await page.context().newCDPSession(page);
    return new Fingers(async (type, points) => {
      await cdp.send("Input.dispatchTouchEvent", {
        type: type as "touchStart" | "touchMove" | "touchEnd",
        touchPoints: points.map((point, id) => ({ ...point, id })),
      });
    });
  }

  /** One finger put down at `from` and moved by `by` in ten steps, then lifted. */
  async drag(from: Point, by: Point) {
    await this.send("touchStart", [from]);
    for (let step = 1; step <= 10; step++) {
      await this.send("touchMove", [
        { x: from.x + (by.x * step) / 10, y: from.y + (by.y * step) / 10 },
      ]);
    }
    await this.send("touchEnd", []);
  }

  /** Two fingers put down `gap` px apart around `at`, spread by `spread` px each, then lifted. */
  async pinch(at: Point, gap: number, spread: number) {
    const apart = (d: number) => [
      { x: at.x - d, y: at.y },
      { x: at.x + d, y: at.y },
    ];
    await this.send("touchStart", apart(gap / 2));
    for (let step = 1; step <= 10; step++) {
      await this.send("touchMove", apart(gap / 2 + (spread * step) / 10));
    }
    await this.send("touchEnd", []);
  }
}
