"use client";

import type { ComponentProps } from "react";
import { DocumentText } from "../../components/DocumentText";
import { addParagraph } from "../../components/draftEvents";

/**
 * The document's text as a moderator gathering passages reads it: each paragraph has a button
 * (shown to the keyboard's focus) that adds it whole to the motion being drafted, for those who
 * cannot select text with a pointer.
 */
export function DraftableText(props: Omit<ComponentProps<typeof DocumentText>, "onCiteBlock">) {
  return <DocumentText {...props} onCiteBlock={addParagraph} blockLabel="Add this paragraph" />;
}
