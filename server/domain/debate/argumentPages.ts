import { z } from "zod";
import type { ArgumentRow, ArgumentShape, Store } from "../../../db/store";
import { published } from "../../../lib/argumentMap";
import {
  type ArgumentBranch,
  type ArgumentPage,
  type ArgumentPageItem,
  ArgumentPageQuery,
} from "../../../lib/argumentPages";
import { readCursor, writeCursor } from "../../../lib/cursor";
import {
  type ArgumentNode,
  type ArgumentPlace,
  type CitedSpot,
  compareKeys,
  everyNode,
  ListOrder,
  latestActivity,
  replyCount,
  type SortKey,
  sideOf,
  sortArguments,
  sortKey,
} from "../../../lib/debate";
import { type Actor, authorize } from "../../policy";
import { Id } from "../ids";
import { done, invalidInput, type Outcome, refuse } from "../outcome";
import { placeOf } from "../spaces/access";
import { treeForViewer, type Viewer } from "./audience";
import { readableMotion, readableRows } from "./queries";
import { argumentShapesOf } from "./shapeCache";
import { shapeTree } from "./shapeTree";
import { argumentViews, groupBy, strengthOf } from "./views";

/**
 * One page of a list of arguments, as GET /api/motions/:id shows them to the caller (the same
 * rows, placeholders and names): the replies directly under `parentId`, or the top-level
 * arguments (of one `side`). The motion's rows are read whole, without their citations; the
 * costly part, citations and quoted passages, is worked out for the page's arguments alone, and
 * ratings only for the list being ordered by strength.
 */
export async function argumentPage(
  store: Store,
  actor: Actor,
  motionId: unknown,
  query: unknown,
): Promise<Outcome<ArgumentPage>> {
  const parsed = ArgumentPageQuery.safeParse(query);
  if (!parsed.success) return invalidInput(parsed.error);
  const { side, parentId, order, cursor, limit, view, newSince, asOf } = parsed.data;
  const found = await readableMotion(store, actor, motionId);
  if (!found.ok) return found;
  const motion = found.value;
  const listed = listOf(motion.id, { side, parentId });
  const after = cursor === undefined ? null : readPageCursor(cursor, order, listed);
  if (after === undefined) {
    return refuse("invalid_input", "cursor is not one this list gave in this order");
  }
  const shape = await motionShape(store, actor, motion);
  const { viewer } = shape;
  // The map never draws a pending post: its lists and counts leave them out.
  const tree = view === "map" ? published(shape.tree) : shape.tree;
  const parent = parentId === undefined ? undefined : findIn(tree, parentId);
  if (parentId !== undefined && !parent) return refuse("not_found", "No such argument.");
  // Copies: the tree is shared with other readers (`motionShape`) and rating sets strengths.
  const list = (parent?.children ?? tree.filter((node) => !side || node.relation === side)).map(
    (node) => ({ ...node }),
  );
  if (order === "strength") await rateAll(store, list);
  const sorted = sortArguments(list, order);
  const start = after
    ? sorted.findIndex((node) => compareKeys(sortKey(node, order), after) > 0)
    : 0;
  const page = start === -1 ? [] : sorted.slice(start, start + limit);
  const more = start !== -1 && start + limit < sorted.length;
  const items = await pageItems(store, actor, motion, viewer, page);
  // A visitor has no read state: nothing is new to them.
  const counted =
    asOf !== undefined && newSince !== undefined && actor.kind === "user"
      ? withNewBelow(items, page, newOf(shape.rows, actor.id, newSince, asOf))
      : items;
  return done({
    seq: motion.lastSeq,
    order,
    total: sorted.length,
    arguments: counted,
    nextCursor: more ? cursorAfter(page, order, listed) : null,
  });
}

/**
 * An argument with the arguments above it, from its top-level argument down (GET
 * /api/arguments/:id/branch): what a link to it needs to show it in its thread.
 */
export async function argumentBranch(
  store: Store,
  actor: Actor,
  argumentId: unknown,
): Promise<Outcome<ArgumentBranch>> {
  const id = Id.safeParse(argumentId);
  if (!id.success) return refuse("invalid_input", "That is not a valid argument id.");
  const row = await store.arguments.get(id.data);
  const motion = row ? await readableMotion(store, actor, row.motionId) : null;
  if (!row || !motion?.ok) return refuse("not_found", "No such argument.");
  const { viewer, tree } = await motionShape(store, actor, motion.value);
  // Not in the tree the caller reads (waiting, rejected, withdrawn without replies): not theirs.
  const path = pathTo(tree, row.id);
  if (!path) return refuse("not_found", "No such argument.");
  return done({
    motionId: motion.value.id,
    seq: motion.value.lastSeq,
    arguments: await pageItems(store, actor, motion.value, viewer, path),
  });
}

type ReadableMotion = Extract<Awaited<ReturnType<typeof readableMotion>>, { ok: true }>["value"];

/** What the caller may read of a motion's arguments, and the pruned tree of their shapes. */
export async function motionShape(store: Store, actor: Actor, motion: ReadableMotion) {
  const place = await placeOf(store, actor, motion.spaceId);
  const viewer: Viewer = {
    id: actor.id,
    moderates: !authorize(actor, "motion.moderate", place),
  };
  const rows = readableRows(await argumentShapesOf(store, motion), viewer);
  // The tree's shape, pruned as the whole view prunes it, tells what is listed and what it holds.
  return { viewer, rows, tree: await shapeTree(store, motion, viewer, rows) };
}

/**
 * The arguments new to a reader who had read the motion to seq `since`, as a page that read it
 * at seq `asOf` counts them: gone public in between, by someone else (as the page's own reading
 * counts them, server/domain/reading/queries.ts).
 */
const newOf = (rows: ArgumentShape[], readerId: string, since: number, asOf: number) =>
  new Set(
    rows
      .filter(
        (row) =>
          row.status === "published" &&
          row.authorId !== readerId &&
          row.publishedSeq !== null &&
          row.publishedSeq > since &&
          row.publishedSeq <= asOf,
      )
      .map((row) => row.id),
  );

/** Each item with how many of the new ones are below it, at any depth. */
const withNewBelow = (items: ArgumentPageItem[], nodes: ArgumentNode[], fresh: Set<string>) =>
  items.map((item, i) => ({
    ...item,
    newBelow: everyNode(nodes[i]?.children ?? []).filter((node) => fresh.has(node.id)).length,
  }));

/** Arguments of the shape tree as the caller reads them, each with its reply counts. */
async function pageItems(
  store: Store,
  actor: Actor,
  motion: ReadableMotion,
  viewer: Viewer,
  nodes: ArgumentNode[],
): Promise<ArgumentPageItem[]> {
  const picked = await rowsOf(store, nodes);
  const views = await argumentViews(store, picked, { revealHidden: viewer.moderates });
  const shown = treeForViewer(
    views.map((view) => ({ ...view, children: [] })),
    viewer,
    motion.settings.anonymous,
  );
  const mine = new Map(
    actor.kind === "user"
      ? (await store.ratings.list(picked.map((row) => row.id)))
          .filter((rating) => rating.userId === actor.id)
          .map((rating) => [rating.argumentId, rating.score])
      : [],
  );
  return shown.map(({ children: _, ...argument }, i): ArgumentPageItem => {
    const node = nodes[i] as ArgumentNode;
    return {
      ...argument,
      replies: repliesOf(node),
      publishedSeq: picked[i]?.publishedSeq ?? null,
      myRating: mine.get(node.id) ?? null,
    };
  });
}

export const repliesOf = (node: ArgumentNode) => ({
  all: replyCount(node),
  direct: node.children.length,
  latest: latestActivity(node),
});

/**
 * Where an argument stands in its motion's tree, for a page that may not hold its thread: the
 * arguments above it, top-level first, and the side of the motion it serves.
 */
export async function placeIn(
  store: Pick<Store, "arguments">,
  row: Pick<ArgumentRow, "parentId" | "relation">,
): Promise<ArgumentPlace> {
  return placeUnder(store, row.parentId ? await store.arguments.get(row.parentId) : undefined, row);
}

/**
 * Where an argument stands, and whether a published argument hangs below it, at any depth
 * (`replied`): hidden or withdrawn, it then stays in everyone's threads as a placeholder, counted
 * (lib/debate.ts, `buildArgumentTree`); a page that does not hold it counts it as a page read
 * then would (docs/protocol.md, P-LIVE-3).
 */
export async function standingOf(
  store: Pick<Store, "arguments">,
  row: Pick<ArgumentRow, "id" | "motionId" | "parentId" | "relation">,
) {
  return { place: await placeIn(store, row), replied: (await repliesBelow(store, row)).public };
}

/**
 * Where the passages an argument cites stand now (those not detached from its document), as the
 * motion's counts of cited passages count them: what a page that does not hold the argument
 * stops counting once it is hidden or withdrawn.
 */
export async function citedBy(
  store: Pick<Store, "arguments">,
  row: Pick<ArgumentRow, "id">,
): Promise<CitedSpot[]> {
  return (await citedByEach(store, [row.id])).get(row.id) ?? [];
}

/** citedBy for several arguments, read at once: by argument, each cited passage in order. */
export async function citedByEach(
  store: Pick<Store, "arguments">,
  argumentIds: string[],
): Promise<Map<string, CitedSpot[]>> {
  const spots = new Map<string, CitedSpot[]>(argumentIds.map((id) => [id, []]));
  for (const citation of await store.arguments.citations(argumentIds)) {
    const { documentId, anchorStatus, anchorStart, anchorEnd } = citation;
    if (anchorStatus === "detached" || anchorStart === null || anchorEnd === null) continue;
    spots.get(citation.argumentId)?.push({ documentId, start: anchorStart, end: anchorEnd });
  }
  return spots;
}

/**
 * The side of the motion each argument serves, from its thread: the arguments above them read a
 * level at a time, however many there are.
 */
export async function sidesOf(
  store: Pick<Store, "arguments">,
  argumentIds: string[],
): Promise<Map<string, "for" | "against">> {
  const byId = new Map<string, ArgumentRow>();
  for (let wanted = argumentIds; wanted.length > 0; ) {
    const rows = await store.arguments.byIds(wanted);
    for (const row of rows) byId.set(row.id, row);
    const parents = rows.flatMap((row) => (row.parentId ? [row.parentId] : []));
    wanted = [...new Set(parents)].filter((id) => !byId.has(id));
  }
  return new Map(
    argumentIds.flatMap((id) => {
      const row = byId.get(id);
      return row ? [[id, sideOf(row, byId)] as const] : [];
    }),
  );
}

/**
 * standingOf, for an argument being withdrawn. Where nothing everyone sees hangs below it but an
 * argument a moderator hid does, `repliedForModerators`: a moderator's threads show hidden
 * arguments, so there it stays a placeholder (lib/live.ts; the room does not hear of it,
 * ./audience.ts).
 */
export async function withdrawnStanding(
  store: Pick<Store, "arguments">,
  row: Pick<ArgumentRow, "id" | "motionId" | "parentId" | "relation">,
) {
  const place = await placeIn(store, row);
  const below = await repliesBelow(store, row);
  return below.public || !below.hidden
    ? { place, replied: below.public }
    : { place, replied: false, repliedForModerators: true as const };
}

/**
 * What hangs below an argument, at any depth: a published reply (`public`), a hidden one
 * (`hidden`, which moderators see). Below a hidden or withdrawn reply may hang more; nothing
 * hangs below an unseen post. The walk stops at the first published reply, which moderators see
 * too: `hidden` then says nothing.
 */
async function repliesBelow(
  store: Pick<Store, "arguments">,
  row: Pick<ArgumentRow, "id" | "motionId">,
) {
  let hidden = false;
  for (let parents = [row.id]; parents.length > 0; ) {
    const replies = await store.arguments.repliesTo(row.motionId, parents);
    if (replies.some((reply) => reply.status === "published")) return { public: true, hidden };
    hidden ||= replies.some((reply) => reply.status === "hidden");
    parents = replies
      .filter((reply) => reply.status === "hidden" || reply.status === "withdrawn")
      .map((reply) => reply.id);
  }
  return { public: false, hidden };
}

/** placeIn, given the argument's parent, read already. */
export async function placeUnder(
  store: Pick<Store, "arguments">,
  parent: ArgumentRow | undefined,
  row: Pick<ArgumentRow, "parentId" | "relation">,
): Promise<ArgumentPlace> {
  const chain: ArgumentRow[] = [];
  for (let at = parent; at && !chain.some((a) => a.id === at?.id); ) {
    chain.unshift(at);
    at = at.parentId ? await store.arguments.get(at.parentId) : undefined;
  }
  return {
    above: chain.map((a) => a.id),
    side: sideOf(row, new Map(chain.map((a) => [a.id, a]))),
  };
}

/** The whole rows of arguments, in the order given. */
export async function rowsOf(store: Store, nodes: { id: string }[]): Promise<ArgumentRow[]> {
  const byId = new Map(
    (await store.arguments.byIds(nodes.map((node) => node.id))).map((row) => [row.id, row]),
  );
  return nodes.map((node) => byId.get(node.id) as ArgumentRow);
}

function findIn(nodes: ArgumentNode[], id: string): ArgumentNode | undefined {
  return pathTo(nodes, id)?.at(-1);
}

/** The nodes from a top-level argument down to the one with `id`, or undefined. */
function pathTo(nodes: ArgumentNode[], id: string): ArgumentNode[] | undefined {
  for (const node of nodes) {
    if (node.id === id) return [node];
    const below = pathTo(node.children, id);
    if (below) return [node, ...below];
  }
  return undefined;
}

/** Each argument's strength, from its ratings. */
export async function rateAll(store: Store, nodes: Pick<ArgumentNode, "id" | "strength">[]) {
  const ratings = await store.ratings.list(nodes.map((node) => node.id));
  const scores = groupBy(ratings, (rating) => rating.argumentId);
  for (const node of nodes) {
    node.strength = strengthOf((scores.get(node.id) ?? []).map((rating) => rating.score));
  }
}

/**
 * A cursor is the last listed argument's sort key, with the list and order it was read in: the
 * next page starts after it even when arguments came or went in between, and a cursor of
 * another list (another side, motion or argument's replies) is refused rather than read as a
 * place in this one. Opaque to clients; base64url of JSON.
 */
const Cursor = z.tuple([
  ListOrder,
  z.string(),
  z.array(z.union([z.number(), z.string()])).max(2),
  z.string(),
  z.string(),
]);

/** Which list a page reads: a motion's top-level arguments (of one side), or one's replies. */
export const listOf = (motionId: string, where: { side?: string; parentId?: string }) =>
  `${motionId}/${where.parentId ?? where.side ?? "both"}`;

/** The cursor of the page after `listed`, the first arguments of `list` in `order`. */
export function cursorAfter(listed: ArgumentNode[], order: ListOrder, list: string): string | null {
  const last = listed.at(-1);
  if (!last) return null;
  const { rank, createdAt, id } = sortKey(last, order);
  return writeCursor([order, list, rank, createdAt, id]);
}

/** The key a cursor resumes after; undefined for one this list never gave in this order. */
function readPageCursor(cursor: string, order: ListOrder, list: string): SortKey | undefined {
  const key = readCursor(cursor, Cursor);
  if (!key || key[0] !== order || key[1] !== list) return undefined;
  const [, , rank, createdAt, id] = key;
  return { rank, createdAt, id };
}
