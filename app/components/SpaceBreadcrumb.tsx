import Link from "next/link";
import type { SpaceView } from "@/lib/views";

/**
 * The way back from a motion or a document: a member goes to that list on their space's page;
 * anyone else to where everyone finds it.
 */
export function SpaceBreadcrumb({
  space,
  list,
  elsewhere,
}: {
  /** The space as its reader may see it, if they may. */
  space: SpaceView | null;
  list: "motions" | "documents";
  elsewhere: { href: string; label: string };
}) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      {space?.role ? (
        <Link href={`/spaces/${space.id}#${list}-heading`}>
          {space.name}: {list}
        </Link>
      ) : (
        <Link href={elsewhere.href}>{elsewhere.label}</Link>
      )}
    </nav>
  );
}
