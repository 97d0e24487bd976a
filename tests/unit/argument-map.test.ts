import { hierarchy, tree } from "d3-hierarchy";
import { describe, expect, it } from "vitest";
import {
  argumentMap,
  MAP_CARD,
  type MapItem,
  MOTION_NODE_ID,
  mapTree,
  morePath,
  withPage,
} from "../../lib/argumentMap";
import type { ArgumentPageItem } from "../../lib/argumentPages";
import {
  type ArgumentRelation,
  type ArgumentView,
  buildArgumentTree,
  type Strength,
} from "../../lib/debate";
import { argumentView } from "../support/views";

const row = (
  id: string,
  parentId: string | null,
  relation: ArgumentRelation,
  extra: Partial<ArgumentView> = {},
): ArgumentView =>
  argumentView(id, {
    parentId,
    relation,
    body: `Argument ${id}`,
    author: { id: `u-${id}`, name: `Author ${id}` },
    ...extra,
  });

const mapOf = (rows: ArgumentView[], keepHidden = false) =>
  argumentMap({
    id: "m",
    title: "Rail was worth it",
    arguments: buildArgumentTree(rows, { keepHidden }),
  });

const strong: Strength = { mean: 3.25, count: 4 };

describe("the argument map", () => {
  it("puts the motion first, then each argument in reading order, with edges labelled in words", () => {
    const map = mapOf([
      row("a", null, "against"),
      row("b", null, "for", { strength: strong }),
      row("c", "b", "attacks"),
      row("d", "c", "supports"),
    ]);
    // For before against, depth first: the Tab order.
    expect(map.nodes.map((n) => n.id)).toEqual([MOTION_NODE_ID, "b", "c", "d", "a"]);
    expect(map.edges.map((e) => [e.source, e.target, e.label])).toEqual(
      expect.arrayContaining([
        ["b", MOTION_NODE_ID, "for"],
        ["a", MOTION_NODE_ID, "against"],
        ["c", "b", "attacks"],
        ["d", "c", "supports"],
      ]),
    );
    const attack = map.edges.find((e) => e.label === "attacks");
    expect(attack?.style?.strokeDasharray).toBe("6 4");
    expect(map.edges.find((e) => e.label === "supports")?.style?.strokeDasharray).toBeUndefined();
  });

  it("says each card's relation, author and strength in words, and links it to the argument", () => {
    const map = mapOf([row("b", null, "for", { strength: strong }), row("c", "b", "attacks")]);
    const [motion, b, c] = map.nodes;
    expect(motion?.data).toMatchObject({ kind: "motion", href: "/motions/m" });
    expect(b?.data).toMatchObject({
      relationLabel: "For the motion",
      excerpt: "Argument b",
      author: "Author b",
      strength: strong,
      strengthLabel: "Strong · 3.3 from 4 ratings",
      href: "/motions/m#argument-b",
    });
    expect(c?.ariaLabel).toBe("Attacks its parent: Argument c. by Author c. Not rated yet");
    expect(map.edges.find((e) => e.source === "b")?.style?.strokeWidth).toBeGreaterThan(
      map.edges.find((e) => e.source === "c")?.style?.strokeWidth as number,
    );
  });

  it("knows each card's neighbours for the arrow keys", () => {
    const map = mapOf([
      row("a", null, "for"),
      row("b", null, "against"),
      row("c", "a", "supports"),
    ]);
    const card = (id: string) => map.nodes.find((n) => n.id === id)?.data;
    expect(card(MOTION_NODE_ID)).toMatchObject({ parent: null, children: ["a", "b"] });
    expect(card("a")).toMatchObject({
      parent: MOTION_NODE_ID,
      previous: null,
      next: "b",
      children: ["c"],
    });
    expect(card("b")).toMatchObject({ previous: "a", next: null, children: [] });
  });

  it("leaves out pending and hidden arguments, keeping a hidden one wordless while replies hang from it", () => {
    const rows = [
      row("a", null, "for", { status: "hidden", body: "Secret words" }),
      row("b", "a", "attacks"),
      row("c", null, "against", { status: "hidden", body: "Gone" }),
      row("d", null, "for", { status: "pending" }),
      row("e", null, "against", { status: "rejected" }),
    ];
    // A moderator's tree holds every hidden argument, with its words: the map shows none of them.
    for (const keepHidden of [false, true]) {
      const map = mapOf(rows, keepHidden);
      expect(map.nodes.map((n) => n.id)).toEqual([MOTION_NODE_ID, "a", "b"]);
      expect(map.nodes[1]?.data).toMatchObject({
        placeholder: true,
        excerpt: "Hidden by a moderator",
        author: null,
        strengthLabel: null,
      });
      expect(JSON.stringify(map)).not.toContain("Secret words");
    }
  });

  it("takes its positions from d3-hierarchy's tree layout, each card centred on its place", () => {
    const rows = [row("a", null, "for"), row("b", null, "against"), row("c", "a", "supports")];
    const map = mapOf(rows);
    type Shape = { id: string; children?: Shape[] };
    const shape: Shape = {
      id: MOTION_NODE_ID,
      children: [{ id: "a", children: [{ id: "c" }] }, { id: "b" }],
    };
    const laidOut = tree<Shape>()
      .nodeSize([MAP_CARD.width + 32, MAP_CARD.height + 72])
      .separation((x, y) => (x.parent === y.parent ? 1 : 1.25))(hierarchy(shape));
    for (const d of laidOut.descendants()) {
      expect(map.nodes.find((n) => n.id === d.data.id)?.position).toEqual({
        x: (d.x ?? 0) - MAP_CARD.width / 2,
        y: d.y,
      });
    }
    const x = (id: string) => map.nodes.find((n) => n.id === id)?.position.x ?? 0;
    expect(x("a")).toBeLessThan(x(MOTION_NODE_ID));
    expect(x("b")).toBeGreaterThan(x(MOTION_NODE_ID));
  });

  it("has only the motion when nobody has argued yet", () => {
    const map = mapOf([]);
    expect(map.nodes).toHaveLength(1);
    expect(map.edges).toEqual([]);
    expect(map.root.children).toEqual([]);
  });

  describe("on a debate drawn in part", () => {
    // b has three replies, c drawn and two not (d with one reply of its own below it, and e);
    // a withdrawn f stays for its undrawn reply; two more arguments against (five in all) are not
    // drawn.
    const counted = (all: number, direct: number, extra: Partial<ArgumentView> = {}) =>
      ({ replies: { all, direct }, ...extra }) as Partial<ArgumentView>;
    const drawn = buildArgumentTree([
      row("b", null, "for", counted(4, 3)),
      row("c", "b", "attacks", counted(0, 0)),
      row("f", null, "against", counted(1, 1, { status: "withdrawn", body: "" })),
    ]);
    const summary = {
      id: "m",
      title: "Rail was worth it",
      arguments: drawn,
      partial: {
        order: "oldest" as const,
        sides: { for: { top: 0, all: 0 }, against: { top: 2, all: 5 } },
        cursors: { b: "after-c", against: "after-f" },
      },
    };
    const ids = (item: MapItem): string[] => [item.id, ...item.children.flatMap(ids)];
    const find = (item: MapItem, id: string): MapItem | undefined =>
      item.id === id ? item : item.children.map((c) => find(c, id)).find(Boolean);

    it("ends each list drawn in part with a card counting what is not drawn, replies at any depth", () => {
      const root = mapTree(summary);
      expect(ids(root)).toEqual([
        MOTION_NODE_ID,
        "b",
        "c",
        "more:b",
        "f",
        "more:f",
        "more:against",
      ]);
      expect(find(root, "more:b")?.card).toMatchObject({
        kind: "more",
        excerpt: "+3 more replies",
        count: 3,
        cursor: "after-c",
        opens: "b",
      });
      expect(find(root, "more:f")?.card).toMatchObject({ excerpt: "+1 reply", cursor: null });
      expect(find(root, "f")?.card).toMatchObject({ placeholder: true });
      const side = find(root, "more:against")?.card;
      expect(side).toMatchObject({ relation: "against", excerpt: "+5 more arguments" });
      const map = argumentMap(summary);
      const node = map.nodes.find((n) => n.id === "more:against");
      expect(node).toMatchObject({ type: "more", ariaRole: "button" });
      expect(node?.ariaLabel).toBe(
        "+5 more arguments against the motion, not drawn yet. Press Enter to draw them.",
      );
      expect(map.edges.find((e) => e.source === "more:b")).toMatchObject({ target: "b" });
      expect(map.edges.find((e) => e.source === "more:b")?.label).toBeUndefined();
      expect(morePath("m", side as never)).toBe(
        "/api/motions/m/arguments?side=against&order=oldest&view=map&limit=100&cursor=after-f",
      );
      expect(morePath("m", find(root, "more:f")?.card as never)).toBe(
        "/api/motions/m/arguments?parentId=f&order=oldest&view=map&limit=100",
      );
    });

    it("draws a page of the list in the card's place, each argument with its own card for its replies", () => {
      const item = (id: string, all: number, extra: Partial<ArgumentView> = {}) =>
        ({
          ...row(id, "b", "supports", extra),
          replies: { all, direct: all },
          publishedSeq: 1,
          myRating: null,
        }) as ArgumentPageItem;
      const root = mapTree(summary);
      const more = find(root, "more:b")?.card as MapItem["card"];
      const first = withPage(root, "m", more, {
        arguments: [item("d", 1), item("p", 0, { status: "pending" })],
        nextCursor: "after-d",
      });
      expect(first.drawn).toEqual(["d"]);
      expect(ids(first.root)).toEqual([
        MOTION_NODE_ID,
        "b",
        "c",
        "d",
        "more:d",
        "more:b",
        "f",
        "more:f",
        "more:against",
      ]);
      expect(find(first.root, "more:d")?.card.excerpt).toBe("+1 reply");
      expect(find(first.root, "more:b")?.card).toMatchObject({
        excerpt: "+1 more reply",
        cursor: "after-d",
      });
      // The last page: the card goes, and what was drawn already is not drawn twice.
      const last = withPage(first.root, "m", find(first.root, "more:b")?.card as never, {
        arguments: [item("d", 1), item("e", 0)],
        nextCursor: null,
      });
      expect(last.drawn).toEqual(["e"]);
      expect(find(last.root, "b")?.children.map((c) => c.id)).toEqual(["c", "d", "e"]);
      expect(ids(root)).toContain("more:b");
    });
  });
});
