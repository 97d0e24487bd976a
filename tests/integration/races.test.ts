import { describe, expect, it } from "vitest";
import { signInWithPassword } from "../../server/domain/accounts/signIn";
import { signUp } from "../../server/domain/accounts/signUp";
import { castVote } from "../../server/domain/debate/judge";
import { postArgument } from "../../server/domain/debate/postArgument";
import { joinSpace } from "../../server/domain/spaces/joinSpace";
import { changeMember } from "../../server/domain/spaces/members";
import { anonymousActor } from "../../server/policy";
import { actorOf, argumentInput, debate } from "../support/debate";
import { person } from "../support/people";
import { dialects } from "../support/stores";

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`sign-in guesses sent side by side, on ${dialect.name}`, () => {
    it("are refused past the limit: five are checked, the other twenty-five get 429", async () => {
      const db = await dialect.open();
      try {
        const email = "target@school.test";
        const account = await signUp(db.store, anonymousActor, {
          name: "Target",
          email,
          password: "the real password",
        });
        expect(account.ok).toBe(true);
        const outcomes = await Promise.all(
          Array.from({ length: 30 }, (_, i) =>
            signInWithPassword(db.store, { email, password: `guess ${i}`, address: "10.0.0.9" }),
          ),
        );
        const codes = outcomes.map((o) => (o.ok ? "ok" : o.error.code));
        expect(codes.filter((c) => c === "unauthenticated")).toHaveLength(5);
        expect(codes.filter((c) => c === "too_many_requests")).toHaveLength(25);
        const owner = await signInWithPassword(db.store, {
          email,
          password: "the real password",
          address: "10.0.0.10",
        });
        expect(owner.ok ? "ok" : owner.error.code).toBe("too_many_requests");
      } finally {
        await db.dispose();
      }
    }, 30_000);
  });

  describe.skipIf(dialect.skip)(`requests that race each other, on ${dialect.name}`, () => {
    it("two sign-ups with one email at once: one account, and the other is told 409", async () => {
      const db = await dialect.open();
      try {
        const input = { name: "Twin", email: "twin@school.test", password: "twin password 1" };
        const outcomes = await Promise.all([
          signUp(db.store, anonymousActor, input),
          signUp(db.store, anonymousActor, input),
        ]);
        expect(outcomes.map((o) => (o.ok ? "ok" : o.error.code)).sort()).toEqual([
          "conflict",
          "ok",
        ]);
      } finally {
        await db.dispose();
      }
    });

    it("a guest's two sign-ups at once: one account, the other told 409, and the first's email still signs in", async () => {
      const db = await dialect.open();
      try {
        const d = await debate(db.store, "private");
        const code = (await db.store.spaces.get(d.spaceId))?.joinCode;
        const joined = await joinSpace(db.store, anonymousActor, { code, guestName: "Gail" });
        if (!joined.ok) throw new Error(joined.error.message);
        const guest = {
          kind: "user" as const,
          id: joined.value.user.id,
          name: "Gail",
          guestOf: d.spaceId,
        };
        const password = "Gail's long password";
        const emails = ["gail.a@school.test", "gail.b@school.test"];
        const outcomes = await Promise.all(
          emails.map((email) => signUp(db.store, guest, { name: "Gail", email, password })),
        );
        expect(outcomes.map((o) => (o.ok ? "ok" : o.error.code)).sort()).toEqual([
          "conflict",
          "ok",
        ]);
        const made = outcomes.find((o) => o.ok);
        const signedIn = await signInWithPassword(db.store, {
          email: made?.ok ? made.value.email : "",
          password,
          address: "10.0.0.11",
        });
        expect(signedIn.ok && signedIn.value.id).toBe(guest.id);
        const user = await db.store.users.get(guest.id);
        expect(user?.email).toBe(made?.ok && made.value.email);
        expect(user?.guestSpaceId).toBeNull();
      } finally {
        await db.dispose();
      }
    });

    it("a double-clicked join makes one membership and answers both clicks", async () => {
      const db = await dialect.open();
      try {
        const d = await debate(db.store, "private");
        const student = await person(db.store, "Student");
        const actor = actorOf(student);
        const code = (await db.store.spaces.get(d.spaceId))?.joinCode;
        const outcomes = await Promise.all([
          joinSpace(db.store, actor, { code }),
          joinSpace(db.store, actor, { code }),
        ]);
        expect(outcomes.every((o) => o.ok)).toBe(true);
        const members = await db.store.memberships.list(d.spaceId);
        expect(members.filter((m) => m.userId === student.id)).toHaveLength(1);
      } finally {
        await db.dispose();
      }
    });

    it("a clientId sent again with another command is that other command, not a retry", async () => {
      const db = await dialect.open();
      try {
        const d = await debate(db.store, "private");
        const actor = actorOf(await d.member("Voter", "participant"));
        const clientId = crypto.randomUUID();
        const posted = await postArgument(
          db.store,
          actor,
          argumentInput(d.motionId, d.cite("Trade moved inland by rail."), { clientId }),
        );
        expect(posted.ok).toBe(true);
        const voted = await castVote(db.store, actor, {
          motionId: d.motionId,
          clientId,
          phase: "before",
          stance: "for",
        });
        expect(voted.ok && voted.value.votes.before.for).toBe(1);
      } finally {
        await db.dispose();
      }
    });

    it("two owners stepping down at once leave the space one owner", async () => {
      const db = await dialect.open();
      try {
        const d = await debate(db.store, "private");
        const [first, second] = [
          await d.member("First", "owner"),
          await d.member("Second", "owner"),
        ];
        await Promise.all(
          [first, second].map((owner) =>
            changeMember(db.store, actorOf(owner), {
              spaceId: d.spaceId,
              userId: owner.id,
              role: "participant",
            }),
          ),
        );
        const owners = (await db.store.memberships.list(d.spaceId)).filter(
          (m) => m.role === "owner",
        );
        expect(owners).toHaveLength(1);
      } finally {
        await db.dispose();
      }
    });
  });
}
