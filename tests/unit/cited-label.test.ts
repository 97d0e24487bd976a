import { describe, expect, it } from "vitest";
import { citedLabel } from "../../lib/debate";

describe("how often a passage is cited, as the reader's strip says it", () => {
  it("names only the sides that cite it", () => {
    expect(citedLabel({ for: 0, against: 1 })).toBe("Cited 1 time against the motion");
    expect(citedLabel({ for: 2, against: 0 })).toBe("Cited 2 times for the motion");
    expect(citedLabel({ for: 1, against: 3 })).toBe("Cited 1 time for the motion, 3 against");
  });
});
