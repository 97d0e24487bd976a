import { hierarchy, tree } from "d3-hierarchy";
import { describe, expect, it } from "vitest";
import { argumentMap, MAP_CARD, MOTION_NODE_ID } from "../../lib/argumentMap";
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
      strengthLabel: "Strength 3.3 of 4, 4 ratings",
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
});
