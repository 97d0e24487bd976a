import { beforeAll, describe, expect, it, vi } from "vitest";
import { PATCH as renameRoute } from "../../app/api/me/route";
import { POST as signUpRoute } from "../../app/api/users/route";
import { changeSettings } from "../../server/domain/debate/moderate";
import { postArgument } from "../../server/domain/debate/postArgument";
import { eventsSince, getMotion } from "../../server/domain/debate/queries";
import { search } from "../../server/domain/search/search";
import { listMembers } from "../../server/domain/spaces/queries";
import { actorOf, argumentInput, debate } from "../support/debate";
import { must } from "../support/outcome";
import type { Person } from "../support/people";
import { liveSuite, nextEvent, nextHeard } from "../support/realtime";
import { setTestRuntime } from "../support/runtime";
import { dialects } from "../support/stores";

const trade = "Trade moved inland by rail.";

const send = (path: string, method: string, cookie: string | undefined, body: unknown) =>
  new Request(`http://localhost${path}`, {
    method,
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });

const rename = (who: Person | undefined, body: unknown) =>
  renameRoute(send("/api/me", "PATCH", who?.cookie, body));

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`changing one's name, on ${dialect.name}`, () => {
    const suite = liveSuite(dialect.open);
    beforeAll(() => setTestRuntime(suite.db.store, { publish: suite.server.publish }));

    const joined = async (who: Person, motionId: string) => {
      const socket = await suite.server.client(who);
      const answer = await socket.emitWithAck("motion:join", { motionId, sinceSeq: 0 });
      expect(answer).toMatchObject({ ok: true });
      return socket;
    };

    it("P-LIVE-7: a member's new name reaches the open room, the debate, its earlier events, search and the member list", async () => {
      const { store } = suite.db;
      const d = await debate(store);
      const ada = await d.member("Ada Early", "participant");
      const ben = await d.member("Ben Watching", "participant");
      await must(postArgument(store, actorOf(ada), argumentInput(d.motionId, d.cite(trade))));
      // Read once before, so a reading kept of the debate has to take the new name too.
      const before = await must(getMotion(store, actorOf(ben), d.motionId));
      expect(before.arguments.map((a) => a.author.name)).toEqual(["Ada Early"]);
      const bens = await joined(ben, d.motionId);
      const heard = nextEvent(bens, "author.renamed");

      const answer = await rename(ada, { name: "  Ada Lovelace " });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ id: ada.id, name: "Ada Lovelace" });

      expect(await heard).toMatchObject({ data: { authorId: ada.id, name: "Ada Lovelace" } });
      const after = await must(getMotion(store, actorOf(ben), d.motionId));
      expect(after.arguments.map((a) => a.author.name)).toEqual(["Ada Lovelace"]);
      const log = await must(
        eventsSince(store, actorOf(ben), { motionId: d.motionId, sinceSeq: 0 }),
      );
      const posted = log.events.find((event) => event.type === "argument.posted");
      expect(posted?.data).toMatchObject({ argument: { author: { name: "Ada Lovelace" } } });
      const found = await must(search(store, actorOf(ben), { q: "harbour's trade" }));
      const authors = found.results.flatMap((r) => ("author" in r ? [r.author.name] : []));
      expect(authors).toContain("Ada Lovelace");
      expect(authors).not.toContain("Ada Early");
      const members = await must(listMembers(store, actorOf(ben), d.spaceId));
      expect(members.find((m) => m.userId === ada.id)?.name).toBe("Ada Lovelace");
      expect((await store.users.get(ada.id))?.name).toBe("Ada Lovelace");
    });

    it("P-PRESENCE-4: the rooms a renamed member's open connections are in hear who is here with the new name", async () => {
      const { store } = suite.db;
      const d = await debate(store);
      const ada = await d.member("Ada Present", "participant");
      const ben = await d.member("Ben Watching", "participant");
      await joined(ada, d.motionId);
      const bens = await joined(ben, d.motionId);
      const renamed = nextHeard(bens, "presence:update", (presence) =>
        presence.people.some((p) => p.name === "Ada Renamed"),
      );
      const warned = vi.spyOn(console, "warn");
      try {
        expect((await rename(ada, { name: "Ada Renamed" })).status).toBe(200);
        expect((await renamed).people.map((p) => p.name).sort()).toEqual([
          "Ada Renamed",
          "Ben Watching",
        ]);
        // A lone node has no other nodes to tell, and does not try (its adapter would warn).
        expect(warned).not.toHaveBeenCalled();
      } finally {
        warned.mockRestore();
      }
    });

    it("P-LIVE-7: the same name again logs nothing; an empty or too long name changes nothing (400), a visitor gets 401", async () => {
      const { store } = suite.db;
      const d = await debate(store);
      const ada = await d.member("Ada Same", "participant");
      await must(postArgument(store, actorOf(ada), argumentInput(d.motionId, d.cite(trade))));
      const seq = (await store.motions.get(d.motionId))?.lastSeq;

      const same = await rename(ada, { name: "Ada Same" });
      expect(same.status).toBe(200);
      expect((await store.motions.get(d.motionId))?.lastSeq).toBe(seq);

      const empty = await rename(ada, { name: "   " });
      expect(empty.status).toBe(400);
      expect((await empty.json()).error).toMatchObject({ code: "invalid_input" });
      const long = await rename(ada, { name: "x".repeat(61) });
      expect(long.status).toBe(400);
      expect((await long.json()).error.message).toMatch(/^name: /);
      expect((await rename(undefined, { name: "Someone" })).status).toBe(401);
      expect((await store.users.get(ada.id))?.name).toBe("Ada Same");
      expect((await store.motions.get(d.motionId))?.lastSeq).toBe(seq);
    });

    it("P-LIVE-7: in an anonymous motion the room hears neither who nor the new name, and keeps the pseudonym; the moderators see the new name", async () => {
      const { store } = suite.db;
      const d = await debate(store);
      const moderator = await d.member("Mona Moderator", "moderator");
      const ada = await d.member("Ada Hidden", "participant");
      const ben = await d.member("Ben Okafor", "participant");
      const motion = await store.motions.get(d.motionId);
      await must(
        changeSettings(store, actorOf(moderator), {
          motionId: d.motionId,
          clientId: crypto.randomUUID(),
          settings: { ...motion?.settings, anonymous: true },
        }),
      );
      await must(postArgument(store, actorOf(ada), argumentInput(d.motionId, d.cite(trade))));
      const before = await must(getMotion(store, actorOf(ben), d.motionId));
      expect(before.arguments[0]?.author.name).toMatch(/^Participant \d+$/);
      const bens = await joined(ben, d.motionId);
      const mods = await joined(moderator, d.motionId);
      const benHeard = nextEvent(bens, "author.renamed");
      const modHeard = nextEvent(mods, "author.renamed");

      expect((await rename(ada, { name: "Ada Revealed" })).status).toBe(200);

      expect(await benHeard).toMatchObject({ data: { authorId: "", name: "" }, actor: "" });
      expect(await modHeard).toMatchObject({ data: { authorId: ada.id, name: "Ada Revealed" } });
      const after = await must(getMotion(store, actorOf(ben), d.motionId));
      expect(after.arguments[0]?.author.name).toBe(before.arguments[0]?.author.name);
      expect(JSON.stringify(after)).not.toContain("Ada Revealed");
      const moderated = await must(getMotion(store, actorOf(moderator), d.motionId));
      expect(moderated.arguments[0]?.author.name).toBe("Ada Revealed");
    });

    it("P-LIVE-7: where the member's only post waits for approval, the room gets a stub and the moderators the new name", async () => {
      const { store } = suite.db;
      const d = await debate(store);
      const moderator = await d.member("Mo Moderator", "moderator");
      const ada = await d.member("Ada Waiting", "participant");
      const ben = await d.member("Ben Watching", "participant");
      await must(
        changeSettings(store, actorOf(moderator), {
          motionId: d.motionId,
          clientId: crypto.randomUUID(),
          settings: { approvalRequired: true },
        }),
      );
      await must(postArgument(store, actorOf(ada), argumentInput(d.motionId, d.cite(trade))));
      expect((await rename(ada, { name: "Ada Patient" })).status).toBe(200);
      const log = await must(
        eventsSince(store, actorOf(ben), { motionId: d.motionId, sinceSeq: 0 }),
      );
      expect(log.events.at(-1)).toMatchObject({ type: "private", data: {} });
      const theirs = await must(
        eventsSince(store, actorOf(moderator), { motionId: d.motionId, sinceSeq: 0 }),
      );
      expect(theirs.events.at(-1)).toMatchObject({
        type: "author.renamed",
        data: { authorId: ada.id, name: "Ada Patient", onlyFor: ada.id },
      });
      const view = await must(getMotion(store, actorOf(moderator), d.motionId));
      expect(view.arguments.map((a) => a.author.name)).toEqual(["Ada Patient"]);
    });

    it("a guest who makes an account under another name is renamed on what they wrote as a guest", async () => {
      const { store } = suite.db;
      const d = await debate(store);
      const gus = await d.guestWhoPosted("Gus", trade);
      const ben = await d.member("Ben Watching", "participant");
      const bens = await joined(ben, d.motionId);
      const heard = nextEvent(bens, "author.renamed");
      const email = `gus-${crypto.randomUUID().slice(0, 8)}@example.test`;
      const body = { name: "Gustav Holst", email, password: "correct horse battery" };
      expect((await signUpRoute(send("/api/users", "POST", gus.cookie, body))).status).toBe(201);
      expect(await heard).toMatchObject({ data: { authorId: gus.id, name: "Gustav Holst" } });
      const view = await must(getMotion(store, actorOf(ben), d.motionId));
      expect(view.arguments.map((a) => a.author.name)).toEqual(["Gustav Holst"]);
    });
  });
}
