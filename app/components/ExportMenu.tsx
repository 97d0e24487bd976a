import { DownloadLink } from "./DownloadLink";

/** What each export format is for, in the order the menu offers them. */
const formats = [
  ["md", "Report (Markdown)", "the motion, the result and the tree with its quotes"],
  ["csv", "Spreadsheet (CSV)", "one row per argument"],
  ["json", "Whole debate (JSON)", "to archive, or import into another space"],
  ["argdown", "Argument map (Argdown)", "for Argdown and its map tools"],
  ["annotations", "Citations (Web Annotations)", "W3C JSON-LD, one per cited passage"],
] as const;

/**
 * Download links for the motion's exports. Each file holds what the viewer may read here: the
 * whole debate for its moderators, what the page shows for everyone else.
 */
export function ExportMenu({ motionId }: { motionId: string }) {
  return (
    <details className="export-menu">
      <summary>Export</summary>
      <ul>
        {formats.map(([format, label, hint]) => (
          <li key={format}>
            <DownloadLink href={`/api/motions/${motionId}/export?format=${format}`}>
              {label}
            </DownloadLink>
            <span className="hint"> — {hint}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
