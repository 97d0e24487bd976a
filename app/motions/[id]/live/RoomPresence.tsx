import type { Presence } from "@/lib/protocol";

/** Who is in the room now; kept while that is unknown, so nothing below moves when it is heard. */
export function RoomPresence({ here }: { here: Presence | null }) {
  return (
    <p className="meta presence">
      {here ? (
        <>
          Here now:{" "}
          {here.unnamed !== undefined
            ? `${here.unnamed} ${here.unnamed === 1 ? "person" : "people"} signed in`
            : here.people.map((p) => p.name).join(", ") || "nobody signed in"}
          {here.visitors > 0
            ? ` and ${here.visitors} ${here.visitors === 1 ? "visitor" : "visitors"}`
            : ""}
        </>
      ) : (
        "Here now: …"
      )}
    </p>
  );
}
