import { describe, expect, it } from "vitest";
import { networkAddresses, shareableOrigin } from "../../server/shareableOrigin";

describe("where another device finds the site (join links and their QR codes)", () => {
  const laptop = { secure: false, networkAddresses: ["192.168.1.20", "100.64.0.7"] };

  it("a teacher's laptop at localhost or 127.0.0.1 names its address on the local network, port kept", () => {
    expect(shareableOrigin({ ...laptop, host: "localhost:3000" })).toBe("http://192.168.1.20:3000");
    expect(shareableOrigin({ ...laptop, host: "127.0.0.1:3000" })).toBe("http://192.168.1.20:3000");
    expect(shareableOrigin({ ...laptop, host: "localhost", listensOn: "0.0.0.0" })).toBe(
      "http://192.168.1.20",
    );
  });

  it("keeps the address the request came in on when it is not the machine's own name for itself", () => {
    expect(shareableOrigin({ ...laptop, host: "192.168.1.20:3000" })).toBe(
      "http://192.168.1.20:3000",
    );
    expect(shareableOrigin({ ...laptop, secure: true, host: "moot.school.example" })).toBe(
      "https://moot.school.example",
    );
  });

  it("takes the browser's host from a list that proxies one behind another made, and a host that is not one breaks nothing", () => {
    expect(shareableOrigin({ ...laptop, secure: true, host: "a.example, b.example" })).toBe(
      "https://a.example",
    );
    expect(shareableOrigin({ ...laptop, host: "not a host" })).toBe("http://localhost");
    expect(shareableOrigin({ ...laptop, host: "moot.example/elsewhere" })).toBe(
      "http://moot.example",
    );
  });

  it("keeps localhost when no other device could reach the server anyway", () => {
    expect(shareableOrigin({ ...laptop, host: "localhost:3000", listensOn: "127.0.0.1" })).toBe(
      "http://localhost:3000",
    );
    expect(shareableOrigin({ secure: false, networkAddresses: [], host: "localhost:3000" })).toBe(
      "http://localhost:3000",
    );
  });

  it("AUTH_URL, the site's public address, wins over whatever the request came in on", () => {
    expect(
      shareableOrigin({
        ...laptop,
        host: "localhost:3000",
        siteUrl: "https://moot.school.example/",
      }),
    ).toBe("https://moot.school.example");
  });

  it("this machine's network addresses: IPv4, none its own loopback or self-assigned, a local network's first", () => {
    const addresses = networkAddresses();
    for (const address of addresses) {
      expect(address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(address).not.toMatch(/^(127\.|169\.254\.)/);
    }
    const local = addresses.map((a) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(a));
    expect(local).toEqual([...local].sort((a, b) => Number(b) - Number(a)));
  });
});
