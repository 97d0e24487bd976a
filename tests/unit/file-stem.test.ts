import { describe, expect, it } from "vitest";
import { fileStem } from "../../server/domain/fileStem";

describe("a download's file name from a title", () => {
  it("keeps the title's letters and digits, lower case, joined by hyphens", () => {
    expect(fileStem("Joining the Abraham Accords serves Kazakhstan!")).toBe(
      "joining-the-abraham-accords-serves-kazakhstan",
    );
    expect(fileStem("  Café — 2026: year one ")).toBe("cafe-2026-year-one");
  });

  it("stops at 60 characters, never on a hyphen", () => {
    const stem = fileStem(`${"a".repeat(59)} b c`);
    expect(stem).toBe("a".repeat(59));
  });

  it("falls back to the name it is given when no ASCII letter or digit is left", () => {
    expect(fileStem("Қазақстан")).toBe("motion");
    expect(fileStem("Қазақстан", "space")).toBe("space");
    expect(fileStem("«»", "space")).toBe("space");
  });
});
