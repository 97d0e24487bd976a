import Link from "next/link";
import type { MapItem } from "@/lib/argumentMap";

function Item({ item }: { item: MapItem }) {
  const { card } = item;
  return (
    <li>
      <span className="map-outline-relation">{card.relationLabel}:</span>{" "}
      {card.placeholder ? (
        <span className="meta">{card.excerpt}</span>
      ) : (
        <Link href={card.href}>{card.excerpt}</Link>
      )}
      {card.author ? <span className="meta"> · by {card.author}</span> : null}
      {card.strengthLabel ? <span className="meta"> · {card.strengthLabel}</span> : null}
      {item.children.length > 0 ? (
        <ul>
          {item.children.map((child) => (
            <Item key={child.id} item={child} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The map's tree as nested lists, for screen readers and anyone who prefers reading it. */
export function MapOutline({ root }: { root: MapItem }) {
  return (
    <ul className="map-outline-tree">
      <Item item={root} />
    </ul>
  );
}
