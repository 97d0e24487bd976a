import { useFocusOnArrival } from "./useFocusOnArrival";

/**
 * The button under a side's arguments in a big debate that loads the next of them, with how many
 * are not shown yet. Drawn with nothing while all are shown, but kept: once the last of them have
 * loaded, the focus moves to the first that came (useFocusOnArrival).
 */
export function MoreArguments({
  relation,
  ids,
  notShown,
  loading,
  onMore,
}: {
  relation: "for" | "against";
  /** The side's arguments held, in order. */
  ids: readonly string[];
  notShown: number;
  loading: boolean;
  onMore: () => void;
}) {
  const asked = useFocusOnArrival(ids, loading);
  if (notShown <= 0) return null;
  return (
    <button
      type="button"
      className="secondary more-arguments"
      // Not `disabled`: a disabled button would drop the keyboard's focus.
      aria-disabled={loading || undefined}
      onClick={() => {
        if (loading) return;
        asked();
        onMore();
      }}
    >
      {loading ? (
        "Loading…"
      ) : (
        <>
          Show more arguments {relation} the motion{" "}
          <span className="nowrap">({notShown} not shown)</span>
        </>
      )}
    </button>
  );
}
