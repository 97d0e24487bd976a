"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { layOut, type MapCard, type MapItem, morePath, withPage } from "@/lib/argumentMap";
import type { ArgumentPage } from "@/lib/argumentPages";
import { ArgumentMap } from "./ArgumentMap";
import { MapOutline } from "./MapOutline";

type Where = "map" | "outline";

/** Where a card is drawn: on the map, or in the list beside it (its link, or the item itself). */
function cardElement(id: string, where: Where): HTMLElement | null {
  const key = CSS.escape(id);
  if (where === "map") {
    return document.querySelector<HTMLElement>(`.react-flow__node[data-id="${key}"]`);
  }
  const item = document.querySelector<HTMLElement>(`.map-outline [data-card="${key}"]`);
  const link = item?.querySelector<HTMLElement>(":scope > a, :scope > button");
  if (item && !link) item.tabIndex = -1;
  return link ?? item;
}

/**
 * The map and the list beside it, over one tree of cards. On a big debate a "+N" card stands for
 * arguments not drawn yet; opening it (a click, Enter or Space, or its button in the list) reads
 * the next page of that list from GET /api/motions/:id/arguments and draws it in its place, then
 * moves the focus to the first card drawn.
 */
export function MapView({ motionId, root: first }: { motionId: string; root: MapItem }) {
  const [root, setRoot] = useState(first);
  const [status, setStatus] = useState("");
  const busy = useRef(new Set<string>());
  const shown = useRef(root);
  shown.current = root;
  const focusNext = useRef<{ id: string; where: Where } | null>(null);
  const map = useMemo(() => layOut(root), [root]);
  // The frame keeps the shape of the map as first drawn: opening a branch does not resize it.
  const [size] = useState(map.size);

  useEffect(() => {
    const target = focusNext.current;
    // Once the tree holds the card drawn first.
    if (!target || !map.nodes.some((node) => node.id === target.id)) return;
    focusNext.current = null;
    let tries = 0;
    // xyflow draws new nodes a frame or two after the tree changes.
    const attempt = () => {
      const element = cardElement(target.id, target.where);
      if (element) element.focus();
      else if (tries++ < 20) requestAnimationFrame(attempt);
    };
    attempt();
  }, [map]);

  const openMore = async (card: MapCard, where: Where) => {
    const opens = card.opens;
    if (!opens || busy.current.has(opens)) return;
    busy.current.add(opens);
    setStatus(`Drawing ${card.excerpt.replace(/^\+/, "")}…`);
    try {
      const response = await fetch(morePath(motionId, card), { credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      const page = (await response.json()) as ArgumentPage;
      const { drawn } = withPage(shown.current, motionId, card, page);
      const firstDrawn = drawn[0];
      focusNext.current = firstDrawn ? { id: firstDrawn, where } : null;
      setRoot((current) => withPage(current, motionId, card, page).root);
      setStatus(
        drawn.length === 1 ? "Drew 1 more argument." : `Drew ${drawn.length} more arguments.`,
      );
    } catch {
      setStatus("Those arguments could not be loaded. Try again.");
    } finally {
      busy.current.delete(opens);
    }
  };

  return (
    <>
      <ArgumentMap
        nodes={map.nodes}
        edges={map.edges}
        size={size}
        onMore={(card) => openMore(card, "map")}
      />
      <p role="status" className="visually-hidden">
        {status}
      </p>
      <details className="map-outline">
        <summary>The map as a list</summary>
        <MapOutline root={root} onMore={(card) => openMore(card, "outline")} />
      </details>
    </>
  );
}
