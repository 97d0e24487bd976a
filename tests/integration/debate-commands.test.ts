import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../db/store";
import { MAX_ARGUMENT_LENGTH, MAX_CITATIONS } from "../../lib/commands";
import type { ArgumentNode } from "../../lib/debate";
import { editArgument, withdrawArgument } from "../../server/domain/debate/changeArgument";
import { createMotion } from "../../server/domain/debate/createMotion";
import { castVote, rateArgument } from "../../server/domain/debate/judge";
import { postArgument } from "../../server/domain/debate/postArgument";
import { getMotion } from "../../server/domain/debate/queries";
import type { Outcome } from "../../server/domain/outcome";
import { type Actor, anonymousActor, systemActor } from "../../server/policy";
import { actorOf, argumentInput, debate } from "../support/debate";
import { type Person, person } from "../support/people";
import { dialects, type TestStore } from "../support/stores";

const harbour = "The harbour was closed in winter.";
const trade = "Trade moved inland by rail.";
const nobody = "Nobody expected the rail line to pay for itself.";

/** The value of a command or query that must have succeeded. */
function must<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.value;
}

const flatten = (nodes: ArgumentNode[]): ArgumentNode[] =>
  nodes.flatMap((node) => [node, ...flatten(node.children)]);

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`debate commands on ${dialect.name}`, () => {
    let db: TestStore;
    let store: Store;
    beforeAll(async () => {
      db = await dialect.open();
      store = db.store;
    });
    afterAll(() => db?.dispose());

    /** Everything a refused command must leave as it was: arguments, the log and the seq. */
    async function footprint(motionId: string) {
      return {
        arguments: (await store.motions.arguments(motionId)).map((row) => row.id),
        events: (await store.events.after(motionId, 0, 1000)).map((row) => row.seq),
        seq: (await store.motions.get(motionId))?.lastSeq,
      };
    }

    async function view(actor: Actor, motionId: string) {
      return must(await getMotion(store, actor, motionId));
    }

    describe("posting", () => {
      it("a participant's argument shows with its author and citation, logged at the next seq", async () => {
        const d = await debate(store);
        const alice = await d.member("Alice", "participant");
        const before = (await view(actorOf(alice), d.motionId)).seq;
        const citation = d.cite(trade);

        const outcome = await postArgument(
          store,
          actorOf(alice),
          argumentInput(d.motionId, citation, { body: "  Rail carried the trade.  " }),
        );

        const posted = must(outcome);
        expect(posted.seq).toBe(before + 1);
        const motion = await view(actorOf(alice), d.motionId);
        expect(motion.seq).toBe(before + 1);
        expect(motion.arguments).toEqual([
          expect.objectContaining({
            id: posted.argument.id,
            parentId: null,
            relation: "for",
            body: "Rail carried the trade.",
            status: "published",
            author: { id: alice.id, name: "Alice" },
            citations: [
              {
                ...citation,
                versionId: d.versionId,
                // Just made, the passage is where it was cited, in the document's only version.
                anchor: {
                  status: "exact",
                  confidence: 1,
                  versionId: d.versionId,
                  start: citation.start,
                  end: citation.end,
                },
              },
            ],
            strength: { mean: null, count: 0 },
            children: [],
          }),
        ]);
        const log = await store.events.after(d.motionId, before, 10);
        expect(log).toHaveLength(1);
        expect(log[0]).toMatchObject({
          motionId: d.motionId,
          seq: before + 1,
          type: "argument.posted",
          actorId: alice.id,
          data: { argument: { id: posted.argument.id, body: "Rail carried the trade." } },
        });
        expect(outcome.ok && outcome.events).toEqual([
          expect.objectContaining({ seq: before + 1, type: "argument.posted", actor: alice.id }),
        ]);
      });

      it("a reply that attacks an argument nests under it, and a reply to the reply under that", async () => {
        const d = await debate(store);
        const alice = actorOf(await d.member("Alice", "participant"));
        const bob = actorOf(await d.member("Bob", "participant"));
        const claim = must(
          await postArgument(store, alice, argumentInput(d.motionId, d.cite(trade))),
        );
        const attack = must(
          await postArgument(
            store,
            bob,
            argumentInput(d.motionId, d.cite(nobody), {
              parentId: claim.argument.id,
              relation: "attacks",
              body: "Nobody expected it to pay.",
            }),
          ),
        );
        const defence = must(
          await postArgument(
            store,
            alice,
            argumentInput(d.motionId, d.cite(harbour), {
              parentId: attack.argument.id,
              relation: "supports",
              body: "It did not need to: the harbour was shut.",
            }),
          ),
        );

        const [root, ...others] = (await view(alice, d.motionId)).arguments;
        expect(others).toEqual([]);
        expect(root?.id).toBe(claim.argument.id);
        expect(root?.children.map((c) => [c.id, c.relation, c.parentId])).toEqual([
          [attack.argument.id, "attacks", claim.argument.id],
        ]);
        expect(root?.children[0]?.children.map((c) => [c.id, c.relation])).toEqual([
          [defence.argument.id, "supports"],
        ]);
      });

      it("twenty concurrent posts get distinct, gap-free seqs", async () => {
        const d = await debate(store);
        const people = await Promise.all(
          Array.from({ length: 4 }, (_, i) => d.member(`Speaker ${i}`, "participant")),
        );
        const before = (await footprint(d.motionId)).seq ?? 0;

        const outcomes = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            postArgument(
              store,
              actorOf(people[i % people.length] as Person),
              argumentInput(d.motionId, d.cite(trade), { body: `Argument number ${i}` }),
            ),
          ),
        );

        const seqs = outcomes.map((outcome) => must(outcome).seq);
        const expected = Array.from({ length: 20 }, (_, i) => before + i + 1);
        expect([...seqs].sort((a, b) => a - b)).toEqual(expected);
        const log = await store.events.after(d.motionId, before, 100);
        expect(log.map((e) => e.seq)).toEqual(expected);
        expect(new Set(log.map((e) => e.type))).toEqual(new Set(["argument.posted"]));
        // Each post's answer names the seq its own event was logged at.
        for (const outcome of outcomes) {
          const { seq, argument } = must(outcome);
          expect(log.find((e) => e.seq === seq)).toMatchObject({
            data: { argument: { id: argument.id } },
          });
        }
        const motion = await view(actorOf(people[0] as Person), d.motionId);
        expect(motion.seq).toBe(before + 20);
        expect(motion.arguments).toHaveLength(20);
      });

      it("a retried clientId stores one argument and answers the same id", async () => {
        const d = await debate(store);
        const alice = actorOf(await d.member("Alice", "participant"));
        const input = argumentInput(d.motionId, d.cite(trade), { clientId: "post-retry-1" });

        const first = await postArgument(store, alice, input);
        const after = await footprint(d.motionId);
        const second = await postArgument(store, alice, input);

        expect(must(second)).toEqual(must(first));
        expect(second.ok && second.events).toEqual([]);
        expect(after.arguments).toHaveLength(1);
        expect(await footprint(d.motionId)).toEqual(after);
      });

      it("the same clientId from two people is two posts", async () => {
        const d = await debate(store);
        const alice = actorOf(await d.member("Alice", "participant"));
        const bob = actorOf(await d.member("Bob", "participant"));
        const input = argumentInput(d.motionId, d.cite(trade), { clientId: "shared-client-id" });
        const mine = must(await postArgument(store, alice, input));
        const theirs = must(await postArgument(store, bob, input));
        expect(theirs.argument.id).not.toBe(mine.argument.id);
        expect(theirs.argument.author.id).toBe(bob.id);
      });

      it("a body of exactly 5000 characters and ten citations are accepted", async () => {
        const d = await debate(store);
        const alice = actorOf(await d.member("Alice", "participant"));
        const input = argumentInput(d.motionId, d.cite(trade), {
          body: "x".repeat(MAX_ARGUMENT_LENGTH),
          citations: Array.from({ length: MAX_CITATIONS }, () => d.cite(trade)),
        });
        const posted = must(await postArgument(store, alice, input));
        expect(posted.argument.body).toHaveLength(MAX_ARGUMENT_LENGTH);
        expect(posted.argument.citations).toHaveLength(MAX_CITATIONS);
      });

      it("an argument without citations is accepted where the motion does not ask for evidence", async () => {
        const d = await debate(store);
        const alice = actorOf(await d.member("Alice", "participant"));
        const free = must(
          await createMotion(store, systemActor, {
            clientId: crypto.randomUUID(),
            spaceId: d.spaceId,
            title: "A motion without evidence",
            settings: {
              evidenceRequired: false,
              approvalRequired: false,
              anonymous: false,
              format: "free",
            },
          }),
        );
        const posted = must(
          await postArgument(
            store,
            alice,
            argumentInput(free.motionId, d.cite(trade), { citations: [] }),
          ),
        );
        expect(posted.argument.citations).toEqual([]);
      });

      it("a refused post leaves its clientId free for the corrected retry", async () => {
        const d = await debate(store);
        const alice = actorOf(await d.member("Alice", "participant"));
        const input = argumentInput(d.motionId, d.cite(trade), { clientId: "fix-and-retry" });
        const refused = await postArgument(store, alice, { ...input, citations: [] });
        expect(refused).toMatchObject({ ok: false, error: { code: "invalid_citation" } });
        const posted = must(await postArgument(store, alice, input));
        expect((await view(alice, d.motionId)).arguments.map((a) => a.id)).toEqual([
          posted.argument.id,
        ]);
      });
    });

    describe("at the same time", () => {
      // Commands on one motion must behave as if they ran one after another, as SQLite's single
      // writer makes them: what a command reads, it reads after those before it committed.

      it("a retry racing the original stores one argument and both answer the same id", async () => {
        const d = await debate(store);
        const alice = actorOf(await d.member("Alice", "participant"));
        const input = argumentInput(d.motionId, d.cite(trade), { clientId: "racing-retry" });

        const answers = await Promise.all([
          postArgument(store, alice, input),
          postArgument(store, alice, input),
        ]);

        const [first, second] = answers.map(must);
        expect(second).toEqual(first);
        expect(answers.flatMap((a) => (a.ok ? a.events : []))).toHaveLength(1);
        expect((await footprint(d.motionId)).arguments).toEqual([first?.argument.id]);
      });

      it("concurrent votes: each vote.cast event carries the tally as of its seq", async () => {
        const d = await debate(store);
        const voters = await Promise.all(
          Array.from({ length: 10 }, (_, i) => d.member(`Voter ${i}`, "participant")),
        );
        const before = (await footprint(d.motionId)).seq ?? 0;

        await Promise.all(
          voters.map(async (voter) =>
            must(
              await castVote(store, actorOf(voter), {
                motionId: d.motionId,
                clientId: crypto.randomUUID(),
                phase: "before",
                stance: "for",
              }),
            ),
          ),
        );

        const log = await store.events.after(d.motionId, before, 100);
        expect(
          log.map((e) => (e.data as { votes: { before: { for: number } } }).votes.before.for),
        ).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
        expect((await view(actorOf(voters[0] as Person), d.motionId)).votes.before.for).toBe(10);
      });

      it("concurrent ratings: each argument.rated event carries the strength as of its seq", async () => {
        const d = await debate(store);
        const raters = await Promise.all(
          Array.from({ length: 10 }, (_, i) => d.member(`Rater ${i}`, "participant")),
        );
        const author = actorOf(await d.member("Author", "participant"));
        const { argument, seq } = must(
          await postArgument(store, author, argumentInput(d.motionId, d.cite(trade))),
        );

        await Promise.all(
          raters.map(async (rater) =>
            must(
              await rateArgument(store, actorOf(rater), {
                argumentId: argument.id,
                clientId: crypto.randomUUID(),
                score: 4,
              }),
            ),
          ),
        );

        const log = await store.events.after(d.motionId, seq, 100);
        expect(log.map((e) => (e.data as { strength: { count: number } }).strength.count)).toEqual(
          Array.from({ length: 10 }, (_, i) => i + 1),
        );
      });

      it("concurrent edits by the author all succeed and the history keeps every earlier wording", async () => {
        const d = await debate(store);
        const alice = actorOf(await d.member("Alice", "participant"));
        const { argument } = must(
          await postArgument(
            store,
            alice,
            argumentInput(d.motionId, d.cite(trade), { body: "v0" }),
          ),
        );

        const edits = await Promise.allSettled(
          [1, 2, 3].map((i) =>
            editArgument(store, alice, {
              argumentId: argument.id,
              clientId: `v${i}`,
              body: `v${i}`,
            }),
          ),
        );

        expect(edits.map((e) => e.status === "fulfilled" && e.value.ok)).toEqual([
          true,
          true,
          true,
        ]);
        const bodies = [
          ...(await store.arguments.revisions(argument.id)).map((r) => r.body),
          (await store.arguments.get(argument.id))?.body,
        ];
        // Whatever order they landed in, each wording was replaced exactly once, v0 first.
        expect(bodies[0]).toBe("v0");
        expect([...bodies].sort()).toEqual(["v0", "v1", "v2", "v3"]);
      });

      it("an edit racing a withdrawal never lands after it", async () => {
        const d = await debate(store);
        const alice = actorOf(await d.member("Alice", "participant"));
        const { argument, seq } = must(
          await postArgument(store, alice, argumentInput(d.motionId, d.cite(trade))),
        );

        const [withdrawn, edited] = await Promise.all([
          withdrawArgument(store, alice, { argumentId: argument.id, clientId: "race-w" }),
          editArgument(store, alice, {
            argumentId: argument.id,
            clientId: "race-e",
            body: "Late.",
          }),
        ]);

        expect(withdrawn.ok).toBe(true);
        expect(edited.ok || edited.error.code === "conflict").toBe(true);
        const types = (await store.events.after(d.motionId, seq, 10)).map((e) => e.type);
        expect(types.slice(types.indexOf("argument.withdrawn") + 1)).toEqual([]);
        const row = await store.arguments.get(argument.id);
        expect(row?.status).toBe("withdrawn");
        if (!edited.ok) expect(row?.editedAt).toBeNull();
      });
    });

    describe("refusals store nothing", () => {
      type Context = Awaited<ReturnType<typeof refusalContext>>;

      async function refusalContext() {
        const d = await debate(store);
        const alice = actorOf(await d.member("Alice", "participant"));
        const observer = actorOf(await d.member("Olive", "observer"));
        const outsider = actorOf(await person(store, "Oscar"));
        const parent = must(
          await postArgument(store, alice, argumentInput(d.motionId, d.cite(trade))),
        );
        const elsewhere = await debate(store);
        const stranger = actorOf(await elsewhere.member("Stella", "participant"));
        const foreign = must(
          await postArgument(
            store,
            stranger,
            argumentInput(elsewhere.motionId, elsewhere.cite(trade)),
          ),
        );
        const closed = must(
          await createMotion(store, systemActor, {
            clientId: crypto.randomUUID(),
            spaceId: d.spaceId,
            title: "A closed motion",
            status: "closed",
            sources: [],
          }),
        );
        return { d, alice, observer, outsider, parent, elsewhere, foreign, closed };
      }

      const cases: [
        string,
        string,
        (c: Context) => { actor: Actor; input: unknown; motionId?: string },
      ][] = [
        [
          "a citation whose quote is not at its offsets",
          "invalid_citation",
          ({ d, alice }) => {
            const cited = d.cite(trade);
            return {
              actor: alice,
              input: argumentInput(d.motionId, {
                ...cited,
                start: cited.start + 1,
                end: cited.end + 1,
              }),
            };
          },
        ],
        [
          "a citation of words the document does not contain",
          "invalid_citation",
          ({ d, alice }) => ({
            actor: alice,
            input: argumentInput(d.motionId, {
              ...d.cite(trade),
              exact: "Trade never moved at all.",
            }),
          }),
        ],
        [
          "a citation running past the end of the document",
          "invalid_citation",
          ({ d, alice }) => {
            const cited = d.cite(nobody);
            return {
              actor: alice,
              input: argumentInput(d.motionId, { ...cited, end: d.text.length + 5, suffix: "" }),
            };
          },
        ],
        [
          "a citation of a document in another space",
          "invalid_citation",
          ({ d, elsewhere, alice }) => ({
            actor: alice,
            input: argumentInput(d.motionId, elsewhere.cite(trade)),
          }),
        ],
        [
          "no citation on a motion that requires evidence",
          "invalid_citation",
          ({ d, alice }) => ({
            actor: alice,
            input: argumentInput(d.motionId, d.cite(trade), { citations: [] }),
          }),
        ],
        [
          "an empty body",
          "invalid_input",
          ({ d, alice }) => ({
            actor: alice,
            input: argumentInput(d.motionId, d.cite(trade), { body: "" }),
          }),
        ],
        [
          "a body of spaces",
          "invalid_input",
          ({ d, alice }) => ({
            actor: alice,
            input: argumentInput(d.motionId, d.cite(trade), { body: "   \n  " }),
          }),
        ],
        [
          "a body over 5000 characters",
          "invalid_input",
          ({ d, alice }) => ({
            actor: alice,
            input: argumentInput(d.motionId, d.cite(trade), {
              body: "x".repeat(MAX_ARGUMENT_LENGTH + 1),
            }),
          }),
        ],
        [
          "eleven citations",
          "invalid_input",
          ({ d, alice }) => ({
            actor: alice,
            input: argumentInput(d.motionId, d.cite(trade), {
              citations: Array.from({ length: MAX_CITATIONS + 1 }, () => d.cite(trade)),
            }),
          }),
        ],
        [
          "a reply to an unknown parent",
          "not_found",
          ({ d, alice }) => ({
            actor: alice,
            input: argumentInput(d.motionId, d.cite(trade), {
              parentId: crypto.randomUUID(),
              relation: "attacks",
            }),
          }),
        ],
        [
          "a reply to a parent in another motion",
          "not_found",
          ({ d, alice, foreign }) => ({
            actor: alice,
            input: argumentInput(d.motionId, d.cite(trade), {
              parentId: foreign.argument.id,
              relation: "supports",
            }),
          }),
        ],
        [
          '"for" with a parentId',
          "invalid_input",
          ({ d, alice, parent }) => ({
            actor: alice,
            input: argumentInput(d.motionId, d.cite(trade), {
              parentId: parent.argument.id,
              relation: "for",
            }),
          }),
        ],
        [
          '"attacks" without a parentId',
          "invalid_input",
          ({ d, alice }) => ({
            actor: alice,
            input: argumentInput(d.motionId, d.cite(trade), { relation: "attacks" }),
          }),
        ],
        [
          "a string for a payload",
          "invalid_input",
          ({ d, alice }) => ({ actor: alice, input: "post this", motionId: d.motionId }),
        ],
        [
          "a null payload",
          "invalid_input",
          ({ d, alice }) => ({ actor: alice, input: null, motionId: d.motionId }),
        ],
        [
          "a motion id that is not an id",
          "invalid_input",
          ({ d, alice }) => ({
            actor: alice,
            input: { ...argumentInput(d.motionId, d.cite(trade)), motionId: "motion-1" },
            motionId: d.motionId,
          }),
        ],
        [
          "citations that are not a list",
          "invalid_input",
          ({ d, alice }) => ({
            actor: alice,
            input: { ...argumentInput(d.motionId, d.cite(trade)), citations: d.cite(trade) },
          }),
        ],
        [
          "an unknown relation",
          "invalid_input",
          ({ d, alice }) => ({
            actor: alice,
            input: { ...argumentInput(d.motionId, d.cite(trade)), relation: "neutral" },
          }),
        ],
        [
          "an observer posting",
          "forbidden",
          ({ d, observer }) => ({
            actor: observer,
            input: argumentInput(d.motionId, d.cite(trade)),
          }),
        ],
        [
          "an outsider of a private space posting",
          "not_found",
          ({ d, outsider }) => ({
            actor: outsider,
            input: argumentInput(d.motionId, d.cite(trade)),
          }),
        ],
        [
          "a visitor without a session posting in a private space",
          "not_found",
          ({ d }) => ({ actor: anonymousActor, input: argumentInput(d.motionId, d.cite(trade)) }),
        ],
        [
          "a post on a closed motion",
          "conflict",
          ({ d, alice, closed }) => ({
            actor: alice,
            input: argumentInput(closed.motionId, d.cite(trade)),
            motionId: closed.motionId,
          }),
        ],
      ];

      for (const [what, code, make] of cases) {
        it(`${what} → ${code}`, async () => {
          const context = await refusalContext();
          const { actor, input, motionId = context.d.motionId } = make(context);
          const before = await footprint(motionId);
          const elsewhere = await footprint(context.elsewhere.motionId);

          const outcome = await postArgument(store, actor, input);

          expect(outcome).toMatchObject({ ok: false, error: { code } });
          expect(outcome.ok || outcome.error.message.length > 0).toBe(true);
          expect(await footprint(motionId)).toEqual(before);
          expect(await footprint(context.elsewhere.motionId)).toEqual(elsewhere);
        });
      }

      it("a visitor without a session posting in a public space → unauthenticated", async () => {
        const d = await debate(store, "public");
        const before = await footprint(d.motionId);
        const outcome = await postArgument(
          store,
          anonymousActor,
          argumentInput(d.motionId, d.cite(trade)),
        );
        expect(outcome).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
        expect(await footprint(d.motionId)).toEqual(before);
      });

      it("a post on a motion that does not exist → not_found", async () => {
        const d = await debate(store);
        const alice = actorOf(await d.member("Alice", "participant"));
        const outcome = await postArgument(
          store,
          alice,
          argumentInput(crypto.randomUUID(), d.cite(trade)),
        );
        expect(outcome).toMatchObject({ ok: false, error: { code: "not_found" } });
      });
    });

    describe("editing and withdrawing", () => {
      it("the author's edit shows, and the earlier wording is kept in the history", async () => {
        const d = await debate(store);
        const alice = actorOf(await d.member("Alice", "participant"));
        const posted = must(
          await postArgument(
            store,
            alice,
            argumentInput(d.motionId, d.cite(trade), { body: "First." }),
          ),
        );
        const id = posted.argument.id;

        const first = must(
          await editArgument(store, alice, { argumentId: id, clientId: "e1", body: "Second." }),
        );
        const second = must(
          await editArgument(store, alice, { argumentId: id, clientId: "e2", body: " Third. " }),
        );

        expect(second.seq).toBe(first.seq + 1);
        expect(first.seq).toBe(posted.seq + 1);
        const revisions = await store.arguments.revisions(id);
        expect(revisions.map((r) => [r.revision, r.body])).toEqual([
          [1, "First."],
          [2, "Second."],
        ]);
        const [shown] = (await view(alice, d.motionId)).arguments;
        expect(shown).toMatchObject({ id, body: "Third.", editedAt: second.editedAt });
        expect(shown?.citations).toHaveLength(1);
        const log = await store.events.after(d.motionId, posted.seq, 10);
        expect(log.map((e) => [e.seq, e.type, e.data])).toEqual([
          [
            first.seq,
            "argument.edited",
            { argumentId: id, body: "Second.", editedAt: first.editedAt },
          ],
          [
            second.seq,
            "argument.edited",
            { argumentId: id, body: "Third.", editedAt: second.editedAt },
          ],
        ]);
      });

      it("a retried edit is applied once", async () => {
        const d = await debate(store);
        const alice = actorOf(await d.member("Alice", "participant"));
        const { argument } = must(
          await postArgument(store, alice, argumentInput(d.motionId, d.cite(trade))),
        );
        const input = { argumentId: argument.id, clientId: "edit-retry", body: "Reworded." };
        const first = must(await editArgument(store, alice, input));
        const again = await editArgument(store, alice, input);
        expect(must(again)).toEqual(first);
        expect(again.ok && again.events).toEqual([]);
        expect(await store.arguments.revisions(argument.id)).toHaveLength(1);
      });

      it("someone else's edit or withdrawal is forbidden and changes nothing", async () => {
        const d = await debate(store);
        const alice = actorOf(await d.member("Alice", "participant"));
        const mallory = actorOf(await d.member("Mallory", "moderator"));
        const { argument } = must(
          await postArgument(store, alice, argumentInput(d.motionId, d.cite(trade))),
        );
        const before = await footprint(d.motionId);

        const edit = await editArgument(store, mallory, {
          argumentId: argument.id,
          clientId: crypto.randomUUID(),
          body: "Words put in Alice's mouth.",
        });
        const withdraw = await withdrawArgument(store, mallory, {
          argumentId: argument.id,
          clientId: crypto.randomUUID(),
        });

        expect(edit).toMatchObject({ ok: false, error: { code: "forbidden" } });
        expect(withdraw).toMatchObject({ ok: false, error: { code: "forbidden" } });
        expect(await footprint(d.motionId)).toEqual(before);
        expect(await store.arguments.revisions(argument.id)).toEqual([]);
        expect((await view(alice, d.motionId)).arguments[0]).toMatchObject({
          body: argument.body,
          status: "published",
          editedAt: null,
        });
      });

      it("edits with a bad body or of an unknown argument are refused", async () => {
        const d = await debate(store);
        const alice = actorOf(await d.member("Alice", "participant"));
        const { argument } = must(
          await postArgument(store, alice, argumentInput(d.motionId, d.cite(trade))),
        );
        const before = await footprint(d.motionId);
        const attempts: [unknown, string][] = [
          [{ argumentId: argument.id, clientId: "x1", body: "" }, "invalid_input"],
          [{ argumentId: argument.id, clientId: "x2", body: "y".repeat(5001) }, "invalid_input"],
          [{ argumentId: "not-an-id", clientId: "x3", body: "Fine." }, "invalid_input"],
          [{ argumentId: crypto.randomUUID(), clientId: "x4", body: "Fine." }, "not_found"],
        ];
        for (const [input, code] of attempts) {
          expect(await editArgument(store, alice, input)).toMatchObject({
            ok: false,
            error: { code },
          });
        }
        expect(await footprint(d.motionId)).toEqual(before);
      });

      it("a withdrawn argument with a reply stays as an empty placeholder above the reply", async () => {
        const d = await debate(store);
        const alice = actorOf(await d.member("Alice", "participant"));
        const bob = actorOf(await d.member("Bob", "participant"));
        const claim = must(
          await postArgument(store, alice, argumentInput(d.motionId, d.cite(trade))),
        );
        const reply = must(
          await postArgument(
            store,
            bob,
            argumentInput(d.motionId, d.cite(nobody), {
              parentId: claim.argument.id,
              relation: "attacks",
            }),
          ),
        );

        const withdrawn = must(
          await withdrawArgument(store, alice, { argumentId: claim.argument.id, clientId: "w1" }),
        );

        const [placeholder, ...others] = (await view(bob, d.motionId)).arguments;
        expect(others).toEqual([]);
        expect(placeholder).toMatchObject({
          id: claim.argument.id,
          status: "withdrawn",
          body: "",
          citations: [],
          author: { id: alice.id, name: "Alice" },
        });
        expect(placeholder?.children.map((c) => [c.id, c.status, c.body])).toEqual([
          [reply.argument.id, "published", reply.argument.body],
        ]);
        const log = await store.events.after(d.motionId, reply.seq, 10);
        expect(log.map((e) => [e.seq, e.type, e.data])).toEqual([
          [
            withdrawn.seq,
            "argument.withdrawn",
            {
              argumentId: claim.argument.id,
              place: { above: [], side: "for" },
              replied: true,
              cited: claim.argument.citations.map(({ documentId, anchor }) => ({
                documentId,
                start: anchor.start,
                end: anchor.end,
              })),
            },
          ],
        ]);
      });

      it("a withdrawn argument without replies leaves the tree", async () => {
        const d = await debate(store);
        const alice = actorOf(await d.member("Alice", "participant"));
        const kept = must(
          await postArgument(store, alice, argumentInput(d.motionId, d.cite(harbour))),
        );
        const gone = must(
          await postArgument(store, alice, argumentInput(d.motionId, d.cite(trade))),
        );

        must(
          await withdrawArgument(store, alice, { argumentId: gone.argument.id, clientId: "w2" }),
        );

        const ids = flatten((await view(alice, d.motionId)).arguments).map((a) => a.id);
        expect(ids).toEqual([kept.argument.id]);
        expect((await store.arguments.get(gone.argument.id))?.status).toBe("withdrawn");
      });

      it("a withdrawn argument can be neither edited, withdrawn again, replied to nor rated", async () => {
        const d = await debate(store);
        const alice = actorOf(await d.member("Alice", "participant"));
        const bob = actorOf(await d.member("Bob", "participant"));
        const { argument } = must(
          await postArgument(store, alice, argumentInput(d.motionId, d.cite(trade))),
        );
        must(await withdrawArgument(store, alice, { argumentId: argument.id, clientId: "w3" }));
        const before = await footprint(d.motionId);

        const outcomes = [
          await editArgument(store, alice, {
            argumentId: argument.id,
            clientId: "w4",
            body: "Back.",
          }),
          await withdrawArgument(store, alice, { argumentId: argument.id, clientId: "w5" }),
          await rateArgument(store, bob, { argumentId: argument.id, clientId: "w6", score: 3 }),
        ];
        const reply = await postArgument(
          store,
          bob,
          argumentInput(d.motionId, d.cite(trade), { parentId: argument.id, relation: "attacks" }),
        );

        for (const outcome of outcomes) {
          expect(outcome).toMatchObject({ ok: false, error: { code: "conflict" } });
        }
        expect(reply).toMatchObject({ ok: false, error: { code: "not_found" } });
        expect(await footprint(d.motionId)).toEqual(before);
      });
    });

    describe("votes", () => {
      it("before and after votes are tallied, and a changed vote moves the count", async () => {
        const d = await debate(store);
        const alice = actorOf(await d.member("Alice", "participant"));
        const bob = actorOf(await d.member("Bob", "participant"));
        const olive = actorOf(await d.member("Olive", "observer"));
        const vote = async (actor: Actor, phase: string, stance: string) =>
          must(
            await castVote(store, actor, {
              motionId: d.motionId,
              clientId: crypto.randomUUID(),
              phase,
              stance,
            }),
          );

        await vote(alice, "before", "for");
        await vote(bob, "before", "against");
        const observed = await vote(olive, "before", "undecided");
        expect(observed.votes).toEqual({
          before: { for: 1, against: 1, undecided: 1 },
          after: { for: 0, against: 0, undecided: 0 },
        });

        await vote(alice, "after", "against");
        const changed = await vote(alice, "before", "against");

        const tally = {
          before: { for: 0, against: 2, undecided: 1 },
          after: { for: 0, against: 1, undecided: 0 },
        };
        expect(changed.votes).toEqual(tally);
        const motion = await view(alice, d.motionId);
        expect(motion.votes).toEqual(tally);
        expect(motion.mine.votes).toEqual({ before: "against", after: "against" });
        expect((await view(olive, d.motionId)).mine.votes).toEqual({ before: "undecided" });
        const [last] = await store.events.after(d.motionId, changed.seq - 1, 10);
        expect(last).toMatchObject({
          seq: changed.seq,
          type: "vote.cast",
          actorId: alice.id,
          data: { votes: tally },
        });
      });

      it("a visitor without a session may not vote, even on a public motion", async () => {
        const d = await debate(store, "public");
        const before = await footprint(d.motionId);
        const outcome = await castVote(store, anonymousActor, {
          motionId: d.motionId,
          clientId: crypto.randomUUID(),
          phase: "before",
          stance: "for",
        });
        expect(outcome).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
        expect(await footprint(d.motionId)).toEqual(before);
      });

      it("bad votes are refused and change nothing", async () => {
        const d = await debate(store);
        const alice = actorOf(await d.member("Alice", "participant"));
        const outsider = actorOf(await person(store, "Oscar"));
        const closed = must(
          await createMotion(store, systemActor, {
            clientId: crypto.randomUUID(),
            spaceId: d.spaceId,
            title: "A closed motion",
            status: "closed",
          }),
        );
        const ballot = { motionId: d.motionId, clientId: "v", phase: "before", stance: "for" };
        const attempts: [Actor, unknown, string, string][] = [
          [alice, { ...ballot, phase: "during" }, "invalid_input", d.motionId],
          [alice, { ...ballot, stance: "maybe" }, "invalid_input", d.motionId],
          [alice, "for", "invalid_input", d.motionId],
          [outsider, ballot, "not_found", d.motionId],
          [alice, { ...ballot, motionId: closed.motionId }, "conflict", closed.motionId],
        ];
        for (const [actor, input, code, motionId] of attempts) {
          const before = await footprint(motionId);
          expect(await castVote(store, actor, input)).toMatchObject({ ok: false, error: { code } });
          expect(await footprint(motionId)).toEqual(before);
        }
        expect((await view(alice, d.motionId)).votes.before).toEqual({
          for: 0,
          against: 0,
          undecided: 0,
        });
      });
    });

    describe("ratings", () => {
      it("ratings 0 to 4 give a mean and a count; rating again replaces the earlier score", async () => {
        const d = await debate(store);
        const alice = actorOf(await d.member("Alice", "participant"));
        const bob = actorOf(await d.member("Bob", "participant"));
        const carol = actorOf(await d.member("Carol", "participant"));
        const olive = actorOf(await d.member("Olive", "observer"));
        const { argument } = must(
          await postArgument(store, alice, argumentInput(d.motionId, d.cite(trade))),
        );
        const rate = async (actor: Actor, score: number) =>
          must(
            await rateArgument(store, actor, {
              argumentId: argument.id,
              clientId: crypto.randomUUID(),
              score,
            }),
          );

        expect((await rate(bob, 4)).strength).toEqual({ mean: 4, count: 1 });
        expect((await rate(olive, 0)).strength).toEqual({ mean: 2, count: 2 });
        expect((await rate(carol, 3)).strength).toEqual({ mean: 2.33, count: 3 });
        const again = await rate(bob, 1);

        expect(again.strength).toEqual({ mean: 1.33, count: 3 });
        const motion = await view(bob, d.motionId);
        expect(motion.arguments[0]?.strength).toEqual({ mean: 1.33, count: 3 });
        expect(motion.mine.ratings).toEqual({ [argument.id]: 1 });
        const [last] = await store.events.after(d.motionId, again.seq - 1, 10);
        expect(last).toMatchObject({
          seq: again.seq,
          type: "argument.rated",
          data: { argumentId: argument.id, strength: { mean: 1.33, count: 3 } },
        });
      });

      it("P-CMD-6: nobody rates their own argument, a moderator neither; the refusal stores nothing", async () => {
        const d = await debate(store);
        const alice = actorOf(await d.member("Alice", "participant"));
        const mia = actorOf(await d.member("Mia", "moderator"));
        const bob = actorOf(await d.member("Bob", "participant"));
        for (const author of [alice, mia]) {
          const { argument } = must(
            await postArgument(store, author, argumentInput(d.motionId, d.cite(trade))),
          );
          const before = await footprint(d.motionId);
          const outcome = await rateArgument(store, author, {
            argumentId: argument.id,
            clientId: crypto.randomUUID(),
            score: 4,
          });
          expect(outcome).toMatchObject({
            ok: false,
            error: { code: "forbidden", message: expect.stringMatching(/your own argument/) },
          });
          expect(await footprint(d.motionId)).toEqual(before);
          expect(await store.ratings.list([argument.id])).toEqual([]);
        }
        const shown = (await view(bob, d.motionId)).arguments.map((a) => a.strength);
        expect(shown).toEqual([
          { mean: null, count: 0 },
          { mean: null, count: 0 },
        ]);
      });

      it("scores outside 0 to 4 are refused and change nothing", async () => {
        const d = await debate(store);
        const alice = actorOf(await d.member("Alice", "participant"));
        const bob = actorOf(await d.member("Bob", "participant"));
        const { argument } = must(
          await postArgument(store, alice, argumentInput(d.motionId, d.cite(trade))),
        );
        const before = await footprint(d.motionId);
        for (const score of [5, -1, 2.5, "3", null]) {
          const outcome = await rateArgument(store, bob, {
            argumentId: argument.id,
            clientId: crypto.randomUUID(),
            score,
          });
          expect(outcome).toMatchObject({ ok: false, error: { code: "invalid_input" } });
        }
        expect(await footprint(d.motionId)).toEqual(before);
        expect((await view(bob, d.motionId)).arguments[0]?.strength).toEqual({
          mean: null,
          count: 0,
        });
      });

      it("a visitor may not rate, and an outsider of a private space is told there is no such argument", async () => {
        const open = await debate(store, "public");
        const closed = await debate(store, "private");
        const alice = actorOf(await open.member("Alice", "participant"));
        const carol = actorOf(await closed.member("Carol", "participant"));
        const outsider = actorOf(await person(store, "Oscar"));
        const shown = must(
          await postArgument(store, alice, argumentInput(open.motionId, open.cite(trade))),
        );
        const hidden = must(
          await postArgument(store, carol, argumentInput(closed.motionId, closed.cite(trade))),
        );
        const rating = (argumentId: string) => ({
          argumentId,
          clientId: crypto.randomUUID(),
          score: 2,
        });

        expect(await rateArgument(store, anonymousActor, rating(shown.argument.id))).toMatchObject({
          ok: false,
          error: { code: "unauthenticated" },
        });
        expect(await rateArgument(store, outsider, rating(hidden.argument.id))).toMatchObject({
          ok: false,
          error: { code: "not_found" },
        });
      });
    });
  });
}
