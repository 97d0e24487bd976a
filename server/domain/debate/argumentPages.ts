import { z } from "zod";
import type { ArgumentRow, Store } from "../../../db/store";
import {
  type ArgumentPage,
  type ArgumentPageItem,
  ArgumentPageQuery,
} from "../../../lib/argumentPages";
import {
  type ArgumentNode,
  buildArgumentTree,
  compareKeys,
  ListOrder,
  replyCount,
  type SortKey,
  sortArguments,
  sortKey,
} from "../../../lib/debate";
import { type Actor, authorize } from "../../policy";
import { done, invalidInput, type Outcome, refuse } from "../outcome";
import { placeOf } from "../spaces/access";
import { treeForViewer } from "./audience";
import { readableMotion, readableRows } from "./queries";
import { argumentViews, strengthOf } from "./views";

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
  const { side, parentId, order, cursor, limit } = parsed.data;
  const after = cursor === undefined ? null : readCursor(cursor, order);
  if (after === undefined) {
    return refuse("invalid_input", "cursor is not one this list gave in this order");
  }
  const found = await readableMotion(store, actor, motionId);
  if (!found.ok) return found;
  const motion = found.value;
  const place = await placeOf(store, actor, motion.spaceId);
  const viewer = { id: actor.id, moderates: !authorize(actor, "motion.moderate", place) };
  const rows = readableRows(await store.motions.arguments(motion.id), viewer);
  // The tree's shape, pruned as the whole view prunes it, tells what is listed and what it holds.
  const tree = buildArgumentTree(rows.map(shapeOf), { keepHidden: viewer.moderates });
  const parent = parentId === undefined ? undefined : findIn(tree, parentId);
  if (parentId !== undefined && !parent) return refuse("not_found", "No such argument.");
  const list = parent?.children ?? tree.filter((node) => !side || node.relation === side);
  if (order === "strength") await rateAll(store, list);
  const sorted = sortArguments(list, order);
  const start = after
    ? sorted.findIndex((node) => compareKeys(sortKey(node, order), after) > 0)
    : 0;
  const page = start === -1 ? [] : sorted.slice(start, start + limit);
  const last = page.at(-1);
  const more = start !== -1 && start + limit < sorted.length;
  const byId = new Map(rows.map((row) => [row.id, row]));
  const views = await argumentViews(
    store,
    page.map((node) => byId.get(node.id) as ArgumentRow),
    { revealHidden: viewer.moderates },
  );
  const shown = treeForViewer(
    views.map((view) => ({ ...view, children: [] })),
    viewer,
    motion.settings.anonymous,
  );
  return done({
    seq: motion.lastSeq,
    order,
    total: sorted.length,
    arguments: shown.map(({ children: _, ...argument }, i): ArgumentPageItem => {
      const node = page[i] as ArgumentNode;
      return { ...argument, replyCount: replyCount(node), directReplyCount: node.children.length };
    }),
    nextCursor: more && last ? writeCursor(sortKey(last, order), order) : null,
  });
}

/** An argument's place in the tree and its times, without its words, quotes or ratings. */
export const shapeOf = (row: ArgumentRow): ArgumentNode => ({
  id: row.id,
  motionId: row.motionId,
  parentId: row.parentId,
  relation: row.relation,
  body: "",
  author: { id: row.authorId, name: row.authorName },
  pseudonym: row.pseudonym,
  status: row.status,
  rejectionReason: null,
  createdAt: row.createdAt.toISOString(),
  editedAt: row.editedAt?.toISOString() ?? null,
  citations: [],
  strength: { mean: null, count: 0 },
  children: [],
});

function findIn(nodes: ArgumentNode[], id: string): ArgumentNode | undefined {
  for (const node of nodes) {
    const found = node.id === id ? node : findIn(node.children, id);
    if (found) return found;
  }
  return undefined;
}

/** Each argument's strength, from its ratings. */
export async function rateAll(store: Store, nodes: Pick<ArgumentNode, "id" | "strength">[]) {
  const scores = new Map<string, number[]>();
  for (const { argumentId, score } of await store.ratings.list(nodes.map((node) => node.id))) {
    const known = scores.get(argumentId);
    if (known) known.push(score);
    else scores.set(argumentId, [score]);
  }
  for (const node of nodes) node.strength = strengthOf(scores.get(node.id) ?? []);
}

/**
 * A cursor is the last listed argument's sort key: the next page starts after it even when
 * arguments came or went in between. Opaque to clients; base64url of JSON.
 */
const Cursor = z.tuple([
  ListOrder,
  z.array(z.union([z.number(), z.string()])).max(2),
  z.string(),
  z.string(),
]);

const writeCursor = ({ rank, createdAt, id }: SortKey, order: ListOrder) =>
  Buffer.from(JSON.stringify([order, rank, createdAt, id])).toString("base64url");

/** The key a cursor resumes after; undefined for one this order never gave. */
function readCursor(cursor: string, order: ListOrder): SortKey | undefined {
  try {
    const parsed = Cursor.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString()));
    if (!parsed.success || parsed.data[0] !== order) return undefined;
    const [, rank, createdAt, id] = parsed.data;
    return { rank, createdAt, id };
  } catch {
    return undefined;
  }
}
