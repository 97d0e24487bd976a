"use client";

import Link from "next/link";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { newClientId } from "@/lib/clientId";
import type { AgreementStance } from "@/lib/debate";
import type { Deck } from "@/lib/deck";
import { BusyButton } from "../../../components/BusyButton";
import { Problem } from "../../../components/Problem";
import { useNewArguments } from "./useNewArguments";

const choices: { stance: AgreementStance; label: string; key: string }[] = [
  { stance: "disagree", label: "Disagree", key: "d" },
  { stance: "pass", label: "Pass", key: "p" },
  { stance: "agree", label: "Agree", key: "a" },
];

const appearLive = "New arguments appear here as they are posted.";

const sideLabel = { for: "For the motion", against: "Against the motion" } as const;

/**
 * The deck, one card at a time: each choice is stored (PUT /api/arguments/:id/agreement) before
 * the next card shows; A, D and P choose from the keyboard. When the cards run out, a new deal
 * is asked for: others may have posted meanwhile; and again whenever an argument arrives while
 * there is none left to judge.
 */
export function SortDeck({
  motionId,
  seq,
  deck: first,
  moderates,
}: {
  motionId: string;
  /** The motion's seq when the deck was dealt: arguments after it are heard live. */
  seq: number;
  deck: Deck;
  /** A moderator's panel on the motion's page shows the room's groups rather than their place. */
  moderates: boolean;
}) {
  const [deck, setDeck] = useState(first);
  const [index, setIndex] = useState(0);
  const [judged, setJudged] = useState(first.judged);
  const [busy, setBusy] = useState(false);
  // Read by the handlers at once: a key pressed as the next card shows must not meet the busy
  // state of the card before.
  const storing = useRef(false);
  const [problem, setProblem] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const card = deck.cards[index];

  // One deal at a time, so an older answer never replaces a newer one; an argument that arrives
  // while one is under way is dealt by one more after it.
  const dealing = useRef<Promise<void> | null>(null);
  const dealAgain = useRef(false);
  const deal = useCallback(() => {
    if (dealing.current) {
      dealAgain.current = true;
      return dealing.current;
    }
    const dealt = async () => {
      do {
        dealAgain.current = false;
        const response = await fetch(`/api/motions/${motionId}/deck`).catch(() => null);
        if (!response?.ok) return setProblem("Could not fetch more arguments: try again.");
        const next = (await response.json()) as Deck;
        setDeck(next);
        setJudged(next.judged);
        setIndex(0);
      } while (dealAgain.current);
    };
    dealing.current = dealt().finally(() => {
      dealing.current = null;
    });
    return dealing.current;
  }, [motionId]);

  const choose = useCallback(
    async (stance: AgreementStance) => {
      if (!card || storing.current) return;
      storing.current = true;
      setBusy(true);
      const response = await fetch(`/api/arguments/${card.id}/agreement`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ clientId: newClientId(), stance }),
      }).catch(() => null);
      storing.current = false;
      setBusy(false);
      if (!response?.ok) {
        const answer = await response?.json().catch(() => null);
        return setProblem(
          answer?.error?.message ?? "Not saved: check the connection and try again.",
        );
      }
      setProblem(null);
      setJudged((n) => n + 1);
      if (index + 1 < deck.cards.length) setIndex(index + 1);
      else await deal();
    },
    [card, index, deck.cards.length, deal],
  );
  // With cards left, the deal at their end brings what arrived; so does the one that follows the
  // last card being stored.
  useNewArguments(motionId, seq, () => {
    if (dealing.current) dealAgain.current = true;
    else if (!card && !storing.current) void deal();
  });

  // The keys choose for the card on screen as soon as it is drawn, before the effects of its
  // render run (the listener below is added once).
  const chooseNow = useRef(choose);
  useLayoutEffect(() => {
    chooseNow.current = choose;
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement)
        return;
      const choice = choices.find((c) => c.key === event.key.toLowerCase());
      if (choice) {
        event.preventDefault();
        void chooseNow.current(choice.stance);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // Each new card is announced and takes the focus, so a screen reader reads it out.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the card's id is the trigger
  useEffect(() => heading.current?.focus(), [card?.id]);

  if (!card && deck.total === 0) {
    return (
      <div className="sort-done">
        <p className="lead">
          There is nothing to sort yet: the others have posted no arguments on this motion.
        </p>
        <p>{appearLive}</p>
        <p>
          <Link className="button" href={`/motions/${motionId}`}>
            Back to the debate
          </Link>
        </p>
      </div>
    );
  }
  if (!card) {
    return (
      <div className="sort-done">
        <p className="lead">
          You have judged every argument for now ({judged} of {deck.total}).
        </p>
        <p>{appearLive}</p>
        <p>
          <Link className="button" href={`/motions/${motionId}#where-i-stand`}>
            {moderates ? "See the room's opinion groups" : "See where you stand"}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <section className="sort-deck" aria-labelledby="sort-card-heading">
      <p className="meta" aria-live="polite">
        {judged} of {deck.total} judged
        {deck.otherSide ? ` · ${sideLabel[deck.otherSide].toLowerCase()} first` : ""}
      </p>
      <article className={`sort-card side-${card.side}`}>
        <h2 ref={heading} id="sort-card-heading" tabIndex={-1} className="sort-side">
          {sideLabel[card.side]}
          {card.relation === "supports" || card.relation === "attacks" ? " (a reply)" : ""}
        </h2>
        <p className="sort-body">{card.body}</p>
        {card.quotes.map((quote) => (
          <blockquote key={quote}>
            <p>{quote}</p>
          </blockquote>
        ))}
      </article>
      <div className="sort-choices">
        {choices.map(({ stance, label, key }) => (
          <BusyButton
            key={stance}
            type="button"
            className={stance === "agree" ? "" : "secondary"}
            busy={busy}
            aria-keyshortcuts={key.toUpperCase()}
            onClick={() => void choose(stance)}
          >
            {label} <kbd>{key.toUpperCase()}</kbd>
          </BusyButton>
        ))}
      </div>
      <Problem text={problem} />
    </section>
  );
}
