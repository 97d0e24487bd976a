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
              ) : (
                <ul className="argument-tree">
                  {nodes.map((node) => (
                    <ArgumentItem
                      key={node.id}
                      node={node}
                      side={relation}
                      actions={actions}
                      thread={thread}
                    />
                  ))}
                </ul>
              )}
              <MoreArguments
                relation={relation}
                ids={nodes.map((node) => node.id)}
                notShown={more}
                loading={isLoading(relation)}
                onMore={() => void loadMore(relation, order, heldOn(relation))}
              />
            </section>
          );
        })}
      </div>
    </section>
  );
}
