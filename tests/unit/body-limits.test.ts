import { describe, expect, it } from "vitest";
import { MAX_MESSAGE_BYTES, MAX_PAYLOAD_BYTES } from "../../lib/protocol";
import {
  bodyRuleFor,
  COMMAND_BODY_BYTES,
  IMPORT_BODY_BYTES,
  UPLOAD_BODY_BYTES,
} from "../../server/bodyLimits";
import { MAX_IMPORT_BYTES } from "../../server/domain/exports/importDebate";
import { MAX_FILE_BYTES } from "../../server/domain/library/extractText";

const id = "00000000-0000-4000-8000-000000000000";

describe("how much body each route reads, and who may send one", () => {
  it.each([
    ["POST", `/api/motions/${id}/arguments`],
    ["PATCH", `/api/arguments/${id}`],
    ["POST", `/api/arguments/${id}/ratings`],
    ["POST", `/api/motions/${id}/votes`],
    ["PUT", `/api/motions/${id}/follow`],
    ["PATCH", `/api/motions/${id}`],
    ["POST", "/api/spaces"],
    ["POST", `/api/spaces/${id}/motions`],
    ["PATCH", `/api/spaces/${id}/members/${id}`],
    ["DELETE", `/api/spaces/${id}/members/${id}`],
    ["POST", "/api/me/notifications/read"],
    ["POST", "/api/no-such-route"],
  ])("%s %s is a command: 64 KB, members only", (method, path) => {
    expect(bodyRuleFor(method, path)).toMatchObject({
      limit: COMMAND_BODY_BYTES,
      visitors: false,
    });
  });

  it.each([
    ["POST", "/api/auth/callback/credentials"],
    ["POST", "/api/auth/signout"],
    ["POST", "/api/users"],
    ["POST", "/api/spaces/join"],
    ["POST", "/api/password-reset"],
    ["POST", "/api/password-reset/confirm"],
    ["POST", "/signin"],
    ["POST", "/join"],
    ["POST", `/spaces/${id}`],
  ])(
    "%s %s takes visitors (signing in, signing up, joining, a password reset, pages' forms): 64 KB",
    (method, path) => {
      expect(bodyRuleFor(method, path)).toMatchObject({
        limit: COMMAND_BODY_BYTES,
        visitors: true,
      });
    },
  );

  it.each([
    `/api/spaces/${id}/documents`,
    `/api/spaces/${id}/documents/preview`,
    `/api/documents/${id}/versions`,
  ])("POST %s takes a 10 MB file with its form, from members only", (path) => {
    const rule = bodyRuleFor("POST", path);
    expect(rule).toMatchObject({ limit: UPLOAD_BODY_BYTES, visitors: false });
    expect(rule.limit).toBeGreaterThan(MAX_FILE_BYTES);
    expect(rule.tooLarge).toBe("The file is larger than 10 MB.");
  });

  it("a debate import reads as much as the import command accepts, from members only", () => {
    expect(bodyRuleFor("POST", `/api/spaces/${id}/import`)).toMatchObject({
      limit: IMPORT_BODY_BYTES,
      visitors: false,
    });
    expect(IMPORT_BODY_BYTES).toBe(MAX_IMPORT_BYTES);
  });

  it("reads need no session here, whatever the path", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(bodyRuleFor(method, `/api/motions/${id}/arguments`).visitors).toBe(true);
    }
  });

  it("an upload's larger limit belongs to its own route and method only", () => {
    expect(bodyRuleFor("PATCH", `/api/spaces/${id}/documents`).limit).toBe(COMMAND_BODY_BYTES);
    expect(bodyRuleFor("POST", `/api/spaces/${id}/documents/other`).limit).toBe(COMMAND_BODY_BYTES);
  });

  it("a command over REST may weigh what it may over Socket.IO", () => {
    expect(MAX_PAYLOAD_BYTES).toBeLessThan(MAX_MESSAGE_BYTES);
    expect(MAX_MESSAGE_BYTES).toBe(COMMAND_BODY_BYTES);
  });
});
