import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as markRead } from "../../app/api/motions/[id]/read/route";
import { GET as listSpaceMotions } from "../../app/api/spaces/[id]/motions/route";
import { POST as markAllRead } from "../../app/api/spaces/[id]/read/route";
import { postArgument } from "../../server/domain/debate/postArgument";
import { actorOf, argumentInput, debate } from "../support/debate";
import { person } from "../support/people";
import { setTestRuntime } from "../support/runtime";
import { sqliteTestStore, type TestStore } from "../support/stores";

// The read-state doors as Next calls them, with the session cookie a browser sends.

function request(method: string, path: string, cookie?: string, body?: unknown): Request {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(`http://localhost${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe("read state over REST", () => {
  let db: TestStore;
  beforeAll(async () => {
    db = await sqliteTestStore();
    setTestRuntime(db.store);
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it("P-READ-1: a member's motion list counts what is new to them; marking it read clears it", async () => {
    const d = await debate(db.store, "public");
    const reader = await d.member("Ada Reader", "participant");
    const poster = await d.member("Ben Poster", "participant");
    const posted = await postArgument(
      db.store,
      actorOf(poster),
      argumentInput(d.motionId, d.cite("Trade moved inland by rail.")),
    );
    if (!posted.ok) throw new Error(posted.error.message);
    const list = async (cookie?: string) => {
      const response = await listSpaceMotions(
        request("GET", `/api/spaces/${d.spaceId}/motions`, cookie),
        params(d.spaceId),
      );
      return ((await response.json()) as { unread: number | null }[]).map((m) => m.unread);
    };
    expect(await list(reader.cookie)).toEqual([1]);
    expect(await list(poster.cookie)).toEqual([0]);
    expect(await list()).toEqual([null]);

    const path = `/api/motions/${d.motionId}/read`;
    const ahead = await markRead(
      request("POST", path, reader.cookie, { seq: posted.value.seq + 1 }),
      params(d.motionId),
    );
    expect(ahead.status).toBe(400);
    const read = await markRead(
      request("POST", path, reader.cookie, { seq: posted.value.seq }),
      params(d.motionId),
    );
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ motionId: d.motionId, lastSeq: posted.value.seq });
    expect(await list(reader.cookie)).toEqual([0]);

    const visitor = await markRead(
      request("POST", path, undefined, { seq: 0 }),
      params(d.motionId),
    );
    expect(visitor.status).toBe(401);
  });

  it("mark all read answers each motion's lastSeq; a visitor is asked to sign in, an outsider finds nothing", async () => {
    const open = await debate(db.store, "public");
    const member = await open.member("Cleo Member", "participant");
    const path = `/api/spaces/${open.spaceId}/read`;
    const all = await markAllRead(request("POST", path, member.cookie), params(open.spaceId));
    expect(all.status).toBe(200);
    expect(await all.json()).toMatchObject({
      spaceId: open.spaceId,
      motions: [{ motionId: open.motionId }],
    });
    expect((await markAllRead(request("POST", path), params(open.spaceId))).status).toBe(401);

    const closed = await debate(db.store, "private");
    const outsider = await person(db.store, "Olli Outsider");
    const hidden = await markAllRead(
      request("POST", `/api/spaces/${closed.spaceId}/read`, outsider.cookie),
      params(closed.spaceId),
    );
    expect(hidden.status).toBe(404);
  });
});
