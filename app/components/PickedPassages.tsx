import type { Picked } from "./passagePicks";

/** The passages gathered for a motion, in order, each with its document and a way to drop it. */
export function PickedPassages({
  picked,
  onRemove,
}: {
  picked: Picked[];
  onRemove: (index: number) => void;
}) {
  if (picked.length === 0) return null;
  return (
    <ol className="picked-passages">
      {picked.map((passage, index) => (
        <li key={`${passage.documentId}-${passage.start}-${passage.end}`}>
          “{passage.exact}” <cite>{passage.documentTitle}</cite>{" "}
          <button type="button" className="link" onClick={() => onRemove(index)}>
            Remove<span className="visually-hidden"> passage {index + 1}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
