import type { Store } from "../../../db/store";
import { AgreeArgument, CastVote, RateArgument } from "../../../lib/commands";
import {
  type AgreementCounts,
  type AgreementStance,
  agreementOf,
  type Strength,
  type VoteTally,
} from "../../../lib/debate";
import { voteRefusal } from "../../../lib/session";
import { type Actor, authorizeOnArgument } from "../../policy";
import { outgoing } from "../events";
import { done, invalidInput, type Outcome, once, refuse } from "../outcome";
import { placeIn } from "./argumentPages";
import { argumentFor, openMotionFor } from "./guards";
import { strengthOf, tallyOf } from "./views";

/** A member's stance on the motion before or after the debate; casting again changes it. */
export async function castVote(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<{ seq: number; votes: VoteTally }>> {
  const parsed = CastVote.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { motionId, clientId, phase, stance } = parsed.data;
  return store.transaction(async (tx) => {
    const found = await openMotionFor(tx, actor, motionId, "motion.vote");
    if (!found.ok) return found;
    const motion = found.value;
    return once(tx, actor, { command: "motion.vote", target: motionId, clientId }, async () => {
      const outOfPhase = voteRefusal(motion.settings, motion.session, phase);
      if (outOfPhase) return refuse("wrong_phase", outOfPhase);
      const cast = await tx.votes.list(motionId);
      const mine = cast.find((vote) => vote.userId === actor.id && vote.phase === phase);
      // The same vote again changes no tally: nothing is logged (P-NOOP-1).
      if (mine?.stance === stance) return done({ seq: motion.lastSeq, votes: tallyOf(cast) });
      const at = new Date();
      await tx.votes.put({ motionId, userId: actor.id, phase, stance, castAt: at });
      // The log says what changed in the tally, never who voted how.
      const votes = tallyOf(await tx.votes.list(motionId));
      const event = await tx.events.append({
        motionId,
        type: "vote.cast",
        data: { votes },
        actorId: actor.id,
        at,
      });
      return done({ seq: event.seq, votes }, [outgoing(event, motion)]);
    });
  });
}

/** A member's rating of someone else's argument, 0 to 4; rating again changes it. */
export async function rateArgument(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<{ seq: number; argumentId: string; strength: Strength }>> {
  const parsed = RateArgument.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { argumentId, clientId, score } = parsed.data;
  return store.transaction(async (tx) => {
    const found = await argumentFor(tx, actor, argumentId, "argument.rate");
    if (!found.ok) return found;
    const { argument, motion } = found.value;
    const denied = authorizeOnArgument(actor, "argument.rate", argument);
    if (denied) return refuse(denied.code, denied.message);
    if (argument.status !== "published") {
      return refuse("conflict", `That argument is ${argument.status}: it cannot be rated.`);
    }
    return once(tx, actor, { command: "argument.rate", target: argumentId, clientId }, async () => {
      const given = await tx.ratings.list([argumentId]);
      if (given.some((rating) => rating.userId === actor.id && rating.score === score)) {
        const strength = strengthOf(given.map((rating) => rating.score));
        return done({ seq: motion.lastSeq, argumentId, strength });
      }
      const at = new Date();
      await tx.ratings.put({ argumentId, userId: actor.id, score, ratedAt: at });
      const strength = strengthOf((await tx.ratings.list([argumentId])).map((r) => r.score));
      const event = await tx.events.append({
        motionId: argument.motionId,
        type: "argument.rated",
        // Where it stands, so a page that does not hold it can tell whether it now belongs
        // among what it shows.
        data: { argumentId, strength, place: await placeIn(tx, argument) },
        actorId: actor.id,
        at,
      });
      return done({ seq: event.seq, argumentId, strength }, [outgoing(event, motion)]);
    });
  });
}

/**
 * Whether a participant agrees with an argument, disagrees or passes; saying it again changes
 * it. The room learns the new counts, never whose stance it is.
 */
export async function agreeWithArgument(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<
  Outcome<{ seq: number; argumentId: string; stance: AgreementStance; agreement: AgreementCounts }>
> {
  const parsed = AgreeArgument.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { argumentId, clientId, stance } = parsed.data;
  return store.transaction(async (tx) => {
    const found = await argumentFor(tx, actor, argumentId, "argument.agree");
    if (!found.ok) return found;
    const { argument, motion } = found.value;
    if (argument.status !== "published") {
      return refuse("conflict", `That argument is ${argument.status}: nobody judges it now.`);
    }
    const command = { command: "argument.agree", target: argumentId, clientId };
    return once(tx, actor, command, async () => {
      const taken = await tx.agreements.list([argumentId]);
      const counts = (rows: typeof taken) => agreementOf(rows.map((a) => a.stance));
      // The same stance again changes no count: nothing is logged (P-NOOP-1).
      if (taken.some((a) => a.userId === actor.id && a.stance === stance)) {
        return done({ seq: motion.lastSeq, argumentId, stance, agreement: counts(taken) });
      }
      const at = new Date();
      await tx.agreements.put({ argumentId, userId: actor.id, stance, judgedAt: at });
      const agreement = counts(await tx.agreements.list([argumentId]));
      const event = await tx.events.append({
        motionId: argument.motionId,
        type: "argument.agreed",
        data: { argumentId, agreement },
        actorId: actor.id,
        at,
      });
      return done({ seq: event.seq, argumentId, stance, agreement }, [outgoing(event, motion)]);
    });
  });
}
