import type { Store } from "../../../db/store";
import { sideOf } from "../../../lib/debate";
import type { Deck } from "../../../lib/deck";
import type { Actor } from "../../policy";
import { authorize } from "../../policy";
import { done, type Outcome } from "../outcome";
import { placeOf } from "../spaces/access";
import { rowsOf } from "./argumentPages";
import { readableMotion } from "./queries";
import { argumentShapesOf } from "./shapeCache";
import { argumentViews } from "./views";

/** How many cards the deck holds at a time; a new deck is dealt when they are judged. */
const DEAL = 20;

/**
 * "Sort the arguments": the published arguments by others that the reader has not judged yet,
 * the other side's first (the side their latest vote is against), newest first. Cards carry the
 * argument and its quotes, never its author, so an anonymous motion stays so.
 */
export async function judgingDeck(
  store: Store,
  actor: Actor,
  motionId: unknown,
): Promise<Outcome<Deck>> {
  const found = await readableMotion(store, actor, motionId);
  if (!found.ok) return found;
  const motion = found.value;
  const place = await placeOf(store, actor, motion.spaceId);
  const canJudge = actor.kind === "user" && authorize(actor, "argument.agree", place) === null;
  // The motion's kept reading, without the words: only the cards dealt are read whole.
  const shapes = await argumentShapesOf(store, motion);
  const byId = new Map(shapes.map((shape) => [shape.id, shape]));
  const others = shapes.filter(
    (shape) => shape.status === "published" && shape.authorId !== actor.id,
  );
  const [judgedRows, votes] = canJudge
    ? await Promise.all([
        store.agreements.ofPerson(motion.id, actor.id),
        store.votes.list(motion.id),
      ])
    : [[], []];
  const judged = new Set(judgedRows.map((row) => row.argumentId));
  const mine = votes.filter((vote) => vote.userId === actor.id);
  const leaning = (mine.find((v) => v.phase === "after") ?? mine.find((v) => v.phase === "before"))
    ?.stance;
  const otherSide = leaning === "for" ? "against" : leaning === "against" ? "for" : null;
  const unjudged = others
    .filter((row) => !judged.has(row.id))
    .map((row) => ({ row, side: sideOf(row, byId) }))
    .sort(
      (a, b) =>
        Number(b.side === otherSide) - Number(a.side === otherSide) ||
        // Newest first: the order the room saw them published in, which no two share.
        (b.row.publishedSeq ?? 0) - (a.row.publishedSeq ?? 0),
    );
  const waiting = unjudged.slice(0, canJudge ? DEAL : 0);
  const views = await argumentViews(
    store,
    await rowsOf(
      store,
      waiting.map(({ row }) => row),
    ),
  );
  const cards = views.map((view, i) => ({
    id: view.id,
    side: waiting[i]?.side ?? "for",
    relation: view.relation,
    body: view.body,
    quotes: view.citations.map((citation) => citation.exact),
  }));
  return done({
    canJudge,
    otherSide,
    judged: others.filter((row) => judged.has(row.id)).length,
    total: others.length,
    otherSideLeft: canJudge && otherSide ? unjudged.filter((u) => u.side === otherSide).length : 0,
    cards,
  });
}
