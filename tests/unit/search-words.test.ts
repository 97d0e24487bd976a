import { describe, expect, it } from "vitest";
import { searchWords } from "../../lib/search";

describe("the words a search looks for", () => {
  it("keeps letters and digits only, so no query syntax reaches the index", () => {
    expect(searchWords('rail "OR" -tariff* NEAR(port)').words).toEqual([
      "rail",
      "OR",
      "tariff",
      "NEAR",
      "port",
    ]);
  });

  it("lets a possessive or an initialism's lone letters go: Mill's finds Mill", () => {
    expect(searchWords("Mill's harm").words).toEqual(["Mill", "harm"]);
    expect(searchWords("Mill’s").words).toEqual(["Mill"]);
    expect(searchWords("U.S. trade").words).toEqual(["trade"]);
  });

  it("keeps a lone letter when it is all there is", () => {
    expect(searchWords("a").words).toEqual(["a"]);
  });

  it("matches the last word as a prefix, unless the query ends in a stop", () => {
    expect(searchWords("interdep")).toEqual({ words: ["interdep"], prefix: true });
    expect(searchWords("interdep.").prefix).toBe(false);
  });
});
