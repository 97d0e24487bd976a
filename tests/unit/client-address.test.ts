import { describe, expect, it } from "vitest";
import { asCounted } from "../../server/auth/address";

describe("the address a limit counts", () => {
  it("an IPv4 address counts as itself, mapped into IPv6 or not", () => {
    expect(asCounted("203.0.113.7")).toBe("203.0.113.7");
    expect(asCounted("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("every address of one IPv6 /64 counts as one, however it is written", () => {
    const one = [
      "2001:db8:85a3:42:1:2:3:4",
      "2001:0db8:85a3:0042:ffff:ffff:ffff:ffff",
      "2001:db8:85a3:42::1",
    ].map(asCounted);
    expect(new Set(one)).toEqual(new Set(["2001:db8:85a3:42::/64"]));
    expect(asCounted("2001:db8:85a3:43::1")).not.toBe(one[0]);
    expect(asCounted("2001:db8::1")).toBe("2001:db8:0:0::/64");
  });

  it("what is not an address passes unchanged", () => {
    expect(asCounted("unknown")).toBe("unknown");
  });
});
