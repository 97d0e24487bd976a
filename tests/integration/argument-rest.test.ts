import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH as changeArgument, GET as getArgument } from "../../app/api/arguments/[id]/route";
import { POST as postArgument } from "../../app/api/motions/[id]/arguments/route";
import type { MotionEvent } from "../../lib/protocol";
import { argumentInput, debate } from "../support/debate";
import { setTestRuntime } from "../support/runtime";
import { sqliteTestStore, type TestStore } from "../support/stores";

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const call = (cookie: string | undefined, method: string, body?: unknown) =>
  new Request("http://localhost/api", {
    method,
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("an argument over REST", () => {
  let db: TestStore;
  const published: MotionEvent[] = [];
  beforeAll(async () => {
    db = await sqliteTestStore();
    setTestRuntime(db.store, { publish: (events) => published.push(...events) });
  });
  afterAll(() => db?.dispose());

  it("is posted, edited with its history kept, and read back; outsiders get 404", async () => {
    const d = await debate(db.store, "private");
    const author = await d.member("Asel", "participant");
    const {
      motionId,
      clientId: _,
      ...body
    } = argumentInput(d.motionId, d.cite("Trade moved inland by rail."), {
      body: "First wording.",
    });
    const posted = await postArgument(call(author.cookie, "POST", body), params(motionId));
    expect(posted.status).toBe(201);
    const argument = await posted.json();
    expect(posted.headers.get("location")).toBe(`/api/arguments/${argument.id}`);
    expect(published.at(-1)).toMatchObject({
      motionId,
      type: "argument.posted",
      data: { argument: { id: argument.id } },
    });

    const edited = await changeArgument(
      call(author.cookie, "PATCH", { body: "Second wording." }),
      params(argument.id),
    );
    expect(edited.status).toBe(200);

    const read = await (await getArgument(call(author.cookie, "GET"), params(argument.id))).json();
    expect(read).toMatchObject({
      id: argument.id,
      body: "Second wording.",
      author: { id: author.id, name: "Asel" },
      citations: [{ exact: "Trade moved inland by rail." }],
      history: [{ body: "First wording." }],
    });
    expect(read.editedAt).not.toBeNull();

    const outsider = await getArgument(call(undefined, "GET"), params(argument.id));
    expect(outsider.status).toBe(404);

    const withdrawn = await changeArgument(
      call(author.cookie, "PATCH", { status: "withdrawn" }),
      params(argument.id),
    );
    expect(withdrawn.status).toBe(200);
    const after = await (await getArgument(call(author.cookie, "GET"), params(argument.id))).json();
    expect(after).toMatchObject({ status: "withdrawn", body: "", citations: [], history: [] });
  });
});
