import { type ArgumentNode, ArgumentOrder } from "@/lib/debate";
import type { MotionPartial } from "@/lib/views";
import { type ArgumentActions, ArgumentItem, type ThreadView } from "./ArgumentItem";
import { MoreArguments } from "./MoreArguments";
import type { ListKey } from "./useArgumentPages";

const orderLabels: Record<ArgumentOrder, string> = {
  strength: "Strongest first",
  newest: "Newest first",
  replies: "Most replied first",
  activity: "Latest activity",
};

const sides = [
  { relation: "for" as const, heading: "For the motion" },
  { relation: "against" as const, heading: "Against the motion" },
];

/**
 * The debate's arguments, for the motion and against it side by side, in the order the reader
 * chose; of a big debate held in part, each side's count and a way to load more of it.
 */
export function ArgumentSides({
  tree,
  order,
  onOrder,
  partial,
  heldOn,
  walkedToEnd,
  endOf,
  isLoading,
  loadMore,
  actions,
  thread,
}: {
  tree: ArgumentNode[];
  order: ArgumentOrder;
  onOrder: (order: ArgumentOrder) => void;
  partial: MotionPartial | null;
  /** Held top-level arguments of a side. */
  heldOn: (side: ListKey) => number;
  walkedToEnd: (side: ListKey, order: ArgumentOrder) => boolean;
  /** The last argument of a side read so far in an order (useArgumentPages). */
  endOf: (side: ListKey, order: ArgumentOrder) => string | undefined;
  isLoading: (side: ListKey) => boolean;
  loadMore: (side: ListKey, order: ArgumentOrder, after: number) => Promise<unknown>;
  actions: ArgumentActions;
  thread: ThreadView;
}) {
  return (
    <section aria-labelledby="arguments-heading">
      <div className="arguments-header">
        <h2 id="arguments-heading">Arguments</h2>
        <label>
          Order{" "}
          <select value={order} onChange={(e) => onOrder(ArgumentOrder.parse(e.target.value))}>
            {ArgumentOrder.options.map((value) => (
              <option key={value} value={value}>
                {orderLabels[value]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="sides">
        {sides.map(({ relation, heading }) => {
          const nodes = tree.filter((node) => node.relation === relation);
          const more =
            partial && !walkedToEnd(relation, order)
              ? partial.totals[relation] - heldOn(relation)
              : 0;
          // Nothing read in this order yet: while its first page loads, the held ones stay as
          // they were rather than all moving below the way on for a moment.
          const end =
            more > 0 ? (endOf(relation, order) ?? (isLoading(relation) ? null : undefined)) : null;
          const [reached, further] = splitAtEnd(nodes, end);
          const item = (node: ArgumentNode) => (
            <ArgumentItem
              key={node.id}
              node={node}
              side={relation}
              actions={actions}
              thread={thread}
            />
          );
          return (
            <section key={relation} className={`side side-${relation}`} aria-label={heading}>
              <h3>
                {heading}
                {partial ? (
                  <>
                    {" "}
                    <span className="meta side-count">· {partial.totals[relation]} arguments</span>
                  </>
                ) : null}
              </h3>
              {nodes.length === 0 ? (
                <p className="empty">No arguments {relation} the motion yet.</p>
              ) : reached.length > 0 ? (
                <ul className="argument-tree">{reached.map(item)}</ul>
              ) : null}
              <MoreArguments
                relation={relation}
                ids={nodes.map((node) => node.id)}
                notShown={more}
                loading={isLoading(relation)}
                onMore={() => void loadMore(relation, order, heldOn(relation))}
              />
              {further.length > 0 ? (
                <>
                  <p className="meta further-down">Further down in this order:</p>
                  <ul className="argument-tree">{further.map(item)}</ul>
                </>
              ) : null}
            </section>
          );
        })}
      </div>
    </section>
  );
}

/**
 * A side of a big debate as read so far in its order, and what else of it is held (a thread a
 * link opened, the spotlight's) that comes further down: the arguments between are not loaded,
 * so the way on goes between the two rather than after the second as if nothing were missing.
 * `end` undefined: nothing read in this order yet; null: the side is whole, or no more to read.
 */
function splitAtEnd(
  nodes: ArgumentNode[],
  end: string | null | undefined,
): [ArgumentNode[], ArgumentNode[]] {
  if (end === null) return [nodes, []];
  if (end === undefined) return [[], nodes];
  const at = nodes.findIndex((node) => node.id === end);
  // The last one read was withdrawn since: nothing says where the list goes on.
  if (at === -1) return [nodes, []];
  return [nodes.slice(0, at + 1), nodes.slice(at + 1)];
}
