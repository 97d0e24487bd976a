"use client";

import "@xyflow/react/dist/style.css";
import "./map.css";
import {
  Controls,
  type Edge,
  Handle,
  MiniMap,
  type NodeProps,
  Position,
  ReactFlow,
} from "@xyflow/react";
import { type CSSProperties, type KeyboardEvent, useLayoutEffect, useMemo, useRef } from "react";
import type { MapCard, MapNode } from "@/lib/argumentMap";
import { useMediaQuery } from "../../../components/useMediaQuery";

/** A phone's width (map.css gives its map more height there). */
const phoneWidth = "(max-width: 40rem)";

/** The smallest zoom the map opens at: a card's words are about 10 px there, small but read. */
const OPENING_ZOOM = 0.75;

const opposes = (card: MapCard) => card.relation === "against" || card.relation === "attacks";

function Strength({ card }: { card: MapCard }) {
  if (!card.strength || !card.strengthLabel) return null;
  const share = ((card.strength.mean ?? 0) / 4) * 100;
  return (
    <div className="map-card-strength">
      <span className="map-strength-bar" aria-hidden="true">
        <span style={{ width: `${share}%` }} />
      </span>
      <span>{card.strengthLabel}</span>
    </div>
  );
}

/** An argument's card: its relation in words, its opening words, who wrote it, its strength. */
function ArgumentCard({ data }: NodeProps<MapNode>) {
  const side = opposes(data) ? "opposes" : "backs";
  return (
    <div className={`map-card map-card-${side}${data.placeholder ? " map-card-placeholder" : ""}`}>
      {/* Each edge runs from a card's top to the bottom of the card it answers. */}
      <Handle type="source" position={Position.Top} isConnectable={false} />
      <p className="map-card-relation">{data.relationLabel}</p>
      <p className="map-card-excerpt">{data.excerpt}</p>
      {data.author ? <p className="map-card-author">by {data.author}</p> : null}
      <Strength card={data} />
      <Handle type="target" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

function MotionCard({ data }: NodeProps<MapNode>) {
  return (
    <div className="map-card map-card-motion">
      <p className="map-card-relation">The motion</p>
      <p className="map-card-excerpt">{data.excerpt}</p>
      <Handle type="target" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

/** Arguments not drawn yet: how many, and that opening the card draws them. */
function MoreCard({ data }: NodeProps<MapNode>) {
  return (
    <div className="map-card map-card-more">
      <Handle type="source" position={Position.Top} isConnectable={false} />
      <p className="map-card-relation">{data.relationLabel}</p>
      <p className="map-card-count">{data.excerpt}</p>
      <p className="map-card-author">Tap, click or press Enter to draw them</p>
    </div>
  );
}

const nodeTypes = { argument: ArgumentCard, motion: MotionCard, more: MoreCard };

const ariaLabelConfig = {
  "node.a11yDescription.default":
    "Press Enter to open the argument on the motion's page. Arrow keys: up to what it answers, down to its first reply, left and right to its neighbours.",
  "node.a11yDescription.keyboardDisabled": "Press Enter to open the argument.",
};

/** Where each arrow key goes from a card: what it answers, its first reply, its neighbours. */
const arrowTargets = (card: MapCard): Record<string, string | null | undefined> => ({
  ArrowUp: card.parent,
  ArrowDown: card.children[0],
  ArrowLeft: card.previous,
  ArrowRight: card.next,
});

/**
 * The argument map, drawn by xyflow from nodes laid out by lib/argumentMap.ts: pan, zoom, a
 * minimap; every card is a link in reading order, and a click or Enter opens it. A "+N" card
 * is a button instead: a click, Enter or Space asks `onMore` to draw what it stands for.
 */
export function ArgumentMap({
  nodes,
  edges,
  size,
  onMore,
}: {
  nodes: MapNode[];
  edges: Edge[];
  size: { width: number; height: number };
  onMore: (card: MapCard) => void;
}) {
  const wrapper = useRef<HTMLDivElement>(null);
  const cards = useMemo(() => new Map(nodes.map((n) => [n.id, n.data])), [nodes]);
  // Where the map starts on the page, so that on a wall or a laptop it takes the screen's height
  // below that (map.css): measured before the map first fits its view to the canvas.
  useLayoutEffect(() => {
    const canvas = wrapper.current;
    if (!canvas) return;
    const measure = () =>
      canvas.style.setProperty(
        "--map-top",
        `${Math.round(canvas.getBoundingClientRect().top + window.scrollY)}px`,
      );
    measure();
    window.addEventListener("resize", measure);
    // What is above the map may change height after it is drawn (a notice, late fonts).
    const above = new ResizeObserver(measure);
    above.observe(document.body);
    return () => {
      window.removeEventListener("resize", measure);
      above.disconnect();
    };
  }, []);
  // The whole map on a phone's width is too small to read: it opens on the motion and the
  // arguments that answer it, big enough to read, and the rest is a pan or a zoom away. So does
  // one wider than the screen even at the smallest opening zoom (a big debate's).
  const phone = useMediaQuery(phoneWidth, false);
  const tooWide = useMediaQuery(`(max-width: ${Math.ceil(size.width * OPENING_ZOOM)}px)`, false);
  // The motion and `levels` of the arguments below it: what the map opens on when the whole is
  // too small to read.
  const opening = (levels: number) => {
    const motion = nodes.find((node) => node.type === "motion");
    if (!motion) return undefined;
    const shown = [motion.id];
    for (let level = 0, above = new Set(shown); level < levels; level++) {
      const below = edges.filter((edge) => above.has(edge.target)).map((edge) => edge.source);
      shown.push(...below);
      above = new Set(below);
    }
    return shown.map((id) => ({ id }));
  };
  const open = (card: MapCard) =>
    card.kind === "more" ? onMore(card) : window.location.assign(card.href);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const node = (event.target as HTMLElement).closest<HTMLElement>(".react-flow__node");
    const card = node?.dataset.id ? cards.get(node.dataset.id) : undefined;
    if (!card) return;
    if (event.key === "Enter" || (event.key === " " && card.kind === "more")) {
      event.preventDefault();
      open(card);
      return;
    }
    const targets = arrowTargets(card);
    if (!(event.key in targets)) return;
    event.preventDefault();
    const to = targets[event.key];
    if (!to) return;
    wrapper.current
      ?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(to)}"]`)
      ?.focus();
  };

  return (
    <div
      className="map-canvas"
      ref={wrapper}
      style={
        {
          "--map-aspect": size.height / size.width,
          "--map-opening-height": `${Math.ceil(size.height * OPENING_ZOOM)}px`,
        } as CSSProperties
      }
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodeClick={(_, node) => open(node.data)}
        onKeyDown={onKeyDown}
        aria-label="Argument map"
        aria-describedby="map-help"
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        edgesFocusable={false}
        fitView
        fitViewOptions={
          phone
            ? { padding: 0.08, minZoom: 0.75, maxZoom: 1, nodes: opening(1) }
            : tooWide
              ? // Two levels: the motion then stands near the top of the frame, not in its middle.
                { padding: 0.08, minZoom: OPENING_ZOOM, maxZoom: 1, nodes: opening(2) }
              : { padding: 0.08, minZoom: OPENING_ZOOM }
        }
        minZoom={0.1}
        maxZoom={2}
        ariaLabelConfig={ariaLabelConfig}
      >
        {/* Top left and top right: beside the motion's card, where the tree leaves room. */}
        <Controls showInteractive={false} position="top-left" />
        <MiniMap
          position="top-right"
          style={{ width: 150, height: 100 }}
          pannable
          zoomable
          ariaLabel="Overview of the whole map"
          nodeClassName={(node) =>
            node.type === "motion"
              ? "map-mini-motion"
              : node.type === "more"
                ? "map-mini-more"
                : opposes(node.data as MapCard)
                  ? "map-mini-opposes"
                  : "map-mini-backs"
          }
        />
      </ReactFlow>
    </div>
  );
}
