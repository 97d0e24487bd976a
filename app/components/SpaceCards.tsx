import Link from "next/link";
import type { SpaceRole } from "@/lib/spaces";
import { RoleBadge } from "./RoleBadge";

interface Props {
  spaces: { space: { id: string; name: string }; role: SpaceRole | null }[];
  /** The cards' heading level under the section that lists them. */
  heading: "h2" | "h3";
}

/** The reader's spaces as cards: each its name, linked, and the reader's role in it. */
export function SpaceCards({ spaces, heading: Heading }: Props) {
  return (
    <ul className="card-list">
      {spaces.map(({ space, role }) => (
        <li key={space.id} className="card">
          <Heading className="card-title">
            <Link href={`/spaces/${space.id}`}>{space.name}</Link>
          </Heading>
          {role ? <RoleBadge role={role} /> : null}
        </li>
      ))}
    </ul>
  );
}
