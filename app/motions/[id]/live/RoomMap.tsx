import type { OpinionsView } from "@/lib/opinionGroups";

/** Colours of the groups on the map, in label order; the reader's own point is outlined. */
const COLOURS = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c"];
/** Points of no group yet are grey. */
const UNGROUPED = "#6b7280";
const SIZE = 220;

/**
 * The room as a scatter of points, one per participant, coloured by group; the reader's ringed.
 * The large map (the projector's) fills the height it is given, with its key above it in type a
 * room reads from the back, and points large enough to see from there.
 */
export function RoomMap({ view, large = false }: { view: OpinionsView; large?: boolean }) {
  const colourOf = (groupId: string | null) => {
    const index = view.groups.findIndex((g) => g.id === groupId);
    return index === -1 ? UNGROUPED : (COLOURS[index % COLOURS.length] as string);
  };
  const colourAt = (index: number) => COLOURS[index % COLOURS.length];
  const radius = large ? 9 : 5;
  const extent = Math.max(0.5, ...view.points.flatMap((p) => [Math.abs(p.x), Math.abs(p.y)]));
  const place = (v: number) => SIZE / 2 + (v / extent) * (SIZE / 2 - 9 - radius);
  const mine = view.groups.find((g) => g.id === view.me?.groupId);
  const label = `${view.participants} participants in ${view.groups.length} groups${mine ? `; you are in ${mine.label}` : ""}`;
  const map = (
    <svg
      className={large ? "room-map-svg-large" : "room-map-svg"}
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      // The large map is as big as its box allows, drawn from the box's top left.
      preserveAspectRatio={large ? "xMinYMin meet" : undefined}
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
          r={point.me ? radius + 3 : radius}
          fill={colourOf(point.groupId)}
          stroke={point.me ? "#111827" : "none"}
          strokeWidth={point.me ? 3 : 0}
          opacity={point.me ? 1 : 0.75}
        />
      ))}
    </svg>
  );
  if (large) {
    const ungrouped = view.points.some((p) => colourOf(p.groupId) === UNGROUPED);
    return (
      <figure className="room-map room-map-large">
        <figcaption>
          <ul className="plain room-map-legend" aria-label="Key to the groups' colours">
            {view.groups.map((group, i) => (
              <li key={group.id}>
                <span className="room-map-swatch" style={{ background: colourAt(i) }} />
                {group.label}: {group.size} {group.size === 1 ? "person" : "people"}
              </li>
            ))}
            {ungrouped ? (
              <li>
                <span className="room-map-swatch" style={{ background: UNGROUPED }} />
                In no group yet
              </li>
            ) : null}
          </ul>
        </figcaption>
        {map}
      </figure>
    );
  }
  return (
    <figure className="room-map">
      {map}
      <figcaption>
        {view.groups.map((group, i) => (
          <span key={group.id} className="room-map-key">
            <span className="room-map-swatch" style={{ background: colourAt(i) }} />
            {group.label} ({group.size})
          </span>
        ))}
        {view.me ? <span className="room-map-key">ringed: you</span> : null}
      </figcaption>
    </figure>
  );
}
