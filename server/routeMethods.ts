import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";

const SERVED = "GET|POST|PUT|PATCH|DELETE";
/** `export async function GET` or `export const GET =`. */
const DECLARED = new RegExp(`export (?:async function|const) (${SERVED})\\b`, "g");
/** `export { handler as GET, POST }`: the names in each list. */
const LISTS = /export\s*\{([^}]*)\}/g;
const LISTED = new RegExp(`^(?:\\w+\\s+as\\s+)?(${SERVED})$`);

function exportedMethods(source: string): string[] {
  const declared = [...source.matchAll(DECLARED)].map((m) => m[1] ?? "");
  const listed = [...source.matchAll(LISTS)].flatMap((list) =>
    (list[1] ?? "").split(",").map((name) => LISTED.exec(name.trim())?.[1] ?? ""),
  );
  return [...declared, ...listed].filter(Boolean);
}

/** A segment's weight when two routes match a path: a name beats `[id]`, which beats `[...rest]`. */
const weight = (segment: string) =>
  segment.startsWith("[...") ? 2 : segment.startsWith("[") ? 1 : 0;

interface ApiRoute {
  segments: string[];
  allow: string;
}

/**
 * The methods each route under `app/api` serves, read from its module's exports as Next reads
 * them to answer `OPTIONS`: a path's `Allow`, which a 405 must carry (RFC 9110). Read once, at
 * start; without the sources (a build shipped alone) no path has one.
 */
export function apiRouteMethods(apiDir: string): (path: string) => string | null {
  if (!existsSync(apiDir)) return () => null;
  const routes: ApiRoute[] = readdirSync(apiDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith("route.ts"))
    .map((file) => {
      const source = readFileSync(join(apiDir, file), "utf8");
      const methods = new Set(exportedMethods(source));
      // Next answers OPTIONS for every route, and HEAD for one that serves GET.
      methods.add("OPTIONS");
      if (methods.has("GET")) methods.add("HEAD");
      const dir = file.split(sep).slice(0, -1);
      return { segments: dir, allow: [...methods].sort().join(", ") };
    })
    .sort((a, b) => compareWeights(a.segments, b.segments));
  return (path) => {
    const parts = path
      .replace(/^\/api\/?/, "")
      .split("/")
      .filter(Boolean);
    return routes.find((route) => matches(route.segments, parts))?.allow ?? null;
  };
}

function compareWeights(a: string[], b: string[]) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const difference = weight(a[i] ?? "") - weight(b[i] ?? "");
    if (difference !== 0) return difference;
  }
  return b.length - a.length;
}

function matches(segments: string[], parts: string[]): boolean {
  const [segment, ...rest] = segments;
  if (segment === undefined) return parts.length === 0;
  if (segment.startsWith("[...")) return parts.length > 0;
  const [part, ...after] = parts;
  if (part === undefined) return false;
  if (!segment.startsWith("[") && segment !== part) return false;
  return matches(rest, after);
}
