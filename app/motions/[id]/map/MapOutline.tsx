import Link from "next/link";
import type { MapCard, MapItem } from "@/lib/argumentMap";

type OnMore = (card: MapCard) => void;

function Item({ item, onMore }: { item: MapItem; onMore: OnMore }) {
  const { card } = item;
  if (card.kind === "more") {
    return (
      <li data-card={item.id}>
        <button type="button" className="map-outline-more" onClick={() => onMore(card)}>
          {card.excerpt}
          {card.relation ? ` ${card.relationLabel.toLowerCase()}` : ""}
        </button>
      </li>
    );
  }
  return (
    <li data-card={item.id}>
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
            <Item key={child.id} item={child} onMore={onMore} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * The map's tree as nested lists, for screen readers and anyone who prefers reading it; a
 * button in place of each "+N" card draws what it stands for, on the map and here alike.
 */
export function MapOutline({ root, onMore }: { root: MapItem; onMore: OnMore }) {
  return (
    <ul className="map-outline-tree">
      <Item item={root} onMore={onMore} />
    </ul>
  );
}
