/**
 * A safe ASCII file name from a title: "the-rail-line-was-worth-building", `fallback` when the
 * title has no ASCII letter or digit. Safe in a Content-Disposition header as it is.
 */
export function fileStem(title: string, fallback = "motion"): string {
  const stem = title
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return stem || fallback;
}
