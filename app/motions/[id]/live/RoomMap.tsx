import type { OpinionsView } from "@/lib/opinionGroups";

/** Colours of the groups on the map, in label order; the reader's own point is outlined. */
const COLOURS = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c"];
const SIZE = 220;
/** The room as a scatter of points, one per participant, coloured by group; the reader's ringed. */
export function RoomMap({ view, large = false }: { view: OpinionsView; large?: boolean }) {
  const colourOf = (groupId: string | null) => {
    const index = view.groups.findIndex((g) => g.id === groupId);
    return index === -1 ? "#6b7280" : (COLOURS[index % COLOURS.length] as string);
  };
  const extent = Math.max(0.5, ...view.points.flatMap((p) => [Math.abs(p.x), Math.abs(p.y)]));
  const place = (v: number) => SIZE / 2 + (v / extent) * (SIZE / 2 - 14);
  const mine = view.groups.find((g) => g.id === view.me?.groupId);
  const label = `${view.participants} participants in ${view.groups.length} groups${mine ? `; you are in ${mine.label}` : ""}`;
  return (
    <figure className={large ? "room-map room-map-large" : "room-map"}>
      <svg
        className={large ? "room-map-svg-large" : "room-map-svg"}
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-label={label}
      >
        <rect x="0" y="0" width={SIZE} height={SIZE} rx="8" className="room-map-ground" />
        {view.points.map((point, i) => (
          <circle
            // Points have no identity to key by; their order is the server's, by position.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={i}
            cx={place(point.x)}
            cy={place(point.y)}
            r={point.me ? 8 : 5}
            fill={colourOf(point.groupId)}
            stroke={point.me ? "#111827" : "none"}
            strokeWidth={point.me ? 3 : 0}
            opacity={point.me ? 1 : 0.75}
          />
        ))}
      </svg>
      <figcaption>
        {view.groups.map((group, i) => (
          <span key={group.id} className="room-map-key">
            <span className="room-map-swatch" style={{ background: COLOURS[i % COLOURS.length] }} />
            {group.label} ({group.size})
          </span>
        ))}
        {view.me ? <span className="room-map-key">ringed: you</span> : null}
      </figcaption>
    </figure>
  );
}
