import { describe, expect, it } from "vitest";
import { type OutgoingPost, sendingArguments } from "../../app/motions/[id]/live/liveState";
import { readerMarks } from "../../app/motions/[id]/live/readerMarks";
import type { SourceView } from "../../lib/views";

const outgoing = (clientId: string, refused?: string): OutgoingPost => ({
  payload: {
    motionId: "m",
    clientId,
    relation: "against",
    body: `words of ${clientId}`,
    parentId: "top",
    citations: [{ documentId: "d", exact: "q", prefix: "", suffix: "", start: 3, end: 9 }],
  },
  ...(refused ? { refused } : {}),
});

const source = (anchor: SourceView["anchor"]): SourceView => ({
  documentId: "d",
  versionId: "v1",
  exact: "quote",
  prefix: "",
  suffix: "",
  start: 10,
  end: 15,
  anchor,
  documentTitle: "A document",
});

describe("the motion page's posts on their way", () => {
  it("shows each unanswered post at once as its sender's argument, where the sender put it, and leaves out a refused one", () => {
    const author = { id: "u1", name: "Aigerim" };
    const shown = sendingArguments([outgoing("c1"), outgoing("c2", "too long")], author, "m");
    expect(shown.map((a) => a.id)).toEqual(["c1"]);
    expect(shown[0]).toMatchObject({
      motionId: "m",
      parentId: "top",
      relation: "against",
      body: "words of c1",
      author,
      status: "published",
    });
    // Its citation is marked where it was chosen, in the text the sender sees.
    expect(shown[0]?.citations[0]?.anchor).toMatchObject({ status: "exact", start: 3, end: 9 });
  });

  it("shows nothing to a reader who is not signed in", () => {
    expect(sendingArguments([outgoing("c1")], null, "m")).toEqual([]);
  });
});

describe("what the motion page's reader marks", () => {
  it("marks the motion's sources where they stand now, says which changed, leaves out one that is gone, and counts the cited passages per side", () => {
    const marks = readerMarks(
      [
        source({ status: "exact", confidence: 1, versionId: "v2", start: 40, end: 45 }),
        source({ status: "fuzzy", confidence: 0.8, versionId: "v2", start: 60, end: 66 }),
        source({ status: "orphaned", confidence: 0, versionId: null, start: null, end: null }),
      ],
      [{ documentId: "d", start: 100, end: 120, for: 2, against: 1 }],
    );
    expect(marks).toEqual([
      {
        id: "source-0",
        documentId: "d",
        start: 40,
        end: 45,
        label: "A passage this motion is drawn from",
        href: "#",
      },
      {
        id: "source-1",
        documentId: "d",
        start: 60,
        end: 66,
        label: "A passage this motion is drawn from, changed in the new version",
        href: "#",
      },
      {
        id: "cited-d-100-120",
        documentId: "d",
        start: 100,
        end: 120,
        label: "Cited 2 times for the motion, 1 against",
        href: "#",
      },
    ]);
  });
});
