import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { errorCodes } from "../../lib/result";

const doc = (name: string) => readFileSync(new URL(`../../docs/${name}`, import.meta.url), "utf8");

/**
 * Codes only a REST route answers: methods, bodies and files, sign-ins and password resets, and the work
 * pool's documents.
 */
const httpOnly = [
  "invalid_token",
  "method_not_allowed",
  "payload_too_large",
  "unsupported_media_type",
  "too_many_requests",
  "too_complex",
];

describe("every error code is documented", () => {
  it("docs/api.md's table gives each code of lib/result.ts its status", () => {
    const api = doc("api.md");
    const missing = errorCodes.filter(
      (code) => !new RegExp(`\\| \`${code}\`\\s+\\| \\d{3} `).test(api),
    );
    expect(missing).toEqual([]);
  });

  it("P-ACK-1 names each code an ack may carry", () => {
    const protocol = doc("protocol.md");
    const rule = protocol.slice(protocol.indexOf("**P-ACK-1**"), protocol.indexOf("**P-FUZZ-1**"));
    const acks = errorCodes.filter((code) => !httpOnly.includes(code));
    expect(acks.filter((code) => !rule.includes(`\`${code}\``))).toEqual([]);
  });
});
