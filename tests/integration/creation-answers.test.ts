import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getArgument } from "../../app/api/arguments/[id]/route";
import { GET as getDocument } from "../../app/api/documents/[id]/route";
import { POST as addVersion } from "../../app/api/documents/[id]/versions/route";
import { POST as postArgument } from "../../app/api/motions/[id]/arguments/route";
import { GET as getMotion } from "../../app/api/motions/[id]/route";
import { POST as importDocument } from "../../app/api/spaces/[id]/documents/route";
import { POST as importDebate } from "../../app/api/spaces/[id]/import/route";
import { POST as createMotion } from "../../app/api/spaces/[id]/motions/route";
import { GET as getSpace } from "../../app/api/spaces/[id]/route";
import { POST as createSpace } from "../../app/api/spaces/route";
import { GET as getUser } from "../../app/api/users/[id]/route";
import { POST as signUp } from "../../app/api/users/route";
import { sessionCookieFor } from "../../server/auth/session";
import { exportDebate } from "../../server/domain/exports";
import { actorOf } from "../support/debate";
import { sampleText } from "../support/fixtures";
import { type Person, person, testAuthSecret } from "../support/people";
import { setTestRuntime } from "../support/runtime";
import { sqliteTestStore, type TestStore } from "../support/stores";

type Route = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

const reads: Record<string, Route> = {
  spaces: getSpace,
  motions: getMotion,
  documents: getDocument,
  arguments: getArgument,
  users: getUser,
};

const send = (path: string, cookie: string | undefined, body: unknown) =>
  new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const at = (id: string) => ({ params: Promise.resolve({ id }) });

/** GET on a Location, as a client following it would: through the route its path names. */
async function follow(location: string, cookie: string) {
  const url = new URL(location, "http://localhost");
  const [, , collection = "", id = ""] = url.pathname.split("/");
  const read = reads[collection];
  if (!read) throw new Error(`no GET route for ${location}`);
  return read(new Request(url, { headers: { cookie } }), at(id));
}

type Resource = { id: string } & Record<string, unknown>;

/** A creation's answer: 201, the resource, and a Location whose GET answers the same resource. */
async function expectCreated(
  response: Response,
  cookie: string,
  location: (resource: Resource) => string,
): Promise<Resource> {
  const body = (await response.json()) as Resource;
  expect(response.status, JSON.stringify(body)).toBe(201);
  expect(response.headers.get("location")).toBe(location(body));
  const read = await follow(location(body), cookie);
  expect(read.status).toBe(200);
  // A motion carries the server's clock at the moment of answering, which moves on.
  const now = "serverNow" in body ? { serverNow: expect.any(Number) } : {};
  expect(await read.json()).toEqual({ ...body, ...now });
  return body;
}

describe("creation answers (docs/api.md, Creation answers)", () => {
  let db: TestStore;
  let owner: Person;
  beforeAll(async () => {
    db = await sqliteTestStore();
    setTestRuntime(db.store);
    owner = await person(db.store, "Olga Owner");
  });
  afterAll(() => db?.dispose());

  it("a space, document, version, motion, argument and imported debate answer 201 and their Location", async () => {
    const { cookie } = owner;
    const space = await expectCreated(
      await createSpace(send("/api/spaces", cookie, { name: "Harbour seminar" })),
      cookie,
      ({ id }) => `/api/spaces/${id}`,
    );
    expect(space).toMatchObject({ name: "Harbour seminar", role: "owner" });
    expect(space.joinCode).toMatch(/^[2-9A-Z]{8}$/);

    const document = await expectCreated(
      await importDocument(
        send(`/api/spaces/${space.id}/documents`, cookie, { title: "Report", text: sampleText }),
        at(space.id),
      ),
      cookie,
      ({ id }) => `/api/documents/${id}`,
    );
    expect(document).toMatchObject({ spaceId: space.id, title: "Report", versionNumber: 1 });

    const version = await expectCreated(
      await addVersion(
        send(`/api/documents/${document.id}/versions`, cookie, { text: `${sampleText}\n\nMore.` }),
        at(document.id),
      ),
      cookie,
      ({ id, versionId }) => `/api/documents/${id}?version=${versionId}`,
    );
    expect(version).toMatchObject({ id: document.id, versionNumber: 2, current: true });

    const motion = await expectCreated(
      await createMotion(
        send(`/api/spaces/${space.id}/motions`, cookie, {
          title: "The rail line was worth building",
          settings: { evidenceRequired: false },
        }),
        at(space.id),
      ),
      cookie,
      ({ id }) => `/api/motions/${id}`,
    );
    expect(motion).toMatchObject({ spaceId: space.id, title: "The rail line was worth building" });

    const argument = await expectCreated(
      await postArgument(
        send(`/api/motions/${motion.id}/arguments`, cookie, {
          relation: "for",
          body: "Trade moved inland by rail.",
          citations: [],
        }),
        at(motion.id),
      ),
      cookie,
      ({ id }) => `/api/arguments/${id}`,
    );
    expect(argument).toMatchObject({ body: "Trade moved inland by rail.", history: [] });

    const exported = await exportDebate(db.store, actorOf(owner), motion.id, "json", "http://x");
    if (!exported.ok) throw new Error(exported.error.message);
    const imported = await expectCreated(
      await importDebate(
        send(`/api/spaces/${space.id}/import`, cookie, exported.value.body),
        at(space.id),
      ),
      cookie,
      ({ id }) => `/api/motions/${id}`,
    );
    expect(imported.id).not.toBe(motion.id);
    expect(imported).toMatchObject({ title: motion.title, arguments: [{ body: argument.body }] });
  });

  it("a sign-up answers 201 with the account, which its Location shows once signed in", async () => {
    const email = `rae-${crypto.randomUUID()}@example.test`;
    const response = await signUp(
      send("/api/users", undefined, {
        name: "Rae Reader",
        email,
        password: "a long enough password",
      }),
    );
    const body = (await response.clone().json()) as Resource;
    const session = await sessionCookieFor(
      db.store,
      { id: body.id, name: "Rae Reader" },
      testAuthSecret,
      false,
    );
    const account = await expectCreated(
      response,
      `${session.name}=${session.value}`,
      ({ id }) => `/api/users/${id}`,
    );
    expect(account).toEqual({ id: body.id, name: "Rae Reader", email });
    // Their id in upper case is the same account (lib/ids.ts).
    const shouted = await follow(
      `/api/users/${body.id.toUpperCase()}`,
      `${session.name}=${session.value}`,
    );
    expect(await shouted.json()).toEqual(account);
    // Nobody else learns whether the id names anyone.
    expect((await follow(`/api/users/${body.id}`, owner.cookie)).status).toBe(404);
  });
});
