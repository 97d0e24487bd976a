import { z } from "zod";

export const MotionStatus = z.enum(["draft", "open", "closed", "archived"]);
export type MotionStatus = z.infer<typeof MotionStatus>;

export const MotionSettings = z.object({
  evidenceRequired: z.boolean(),
  approvalRequired: z.boolean(),
  anonymous: z.boolean(),
  format: z.enum(["free", "oxford"]),
});
export type MotionSettings = z.infer<typeof MotionSettings>;

export const defaultMotionSettings: MotionSettings = {
  evidenceRequired: true,
  approvalRequired: false,
  anonymous: false,
  format: "free",
};

/** "for"/"against" answer the motion; "supports"/"attacks" answer a parent argument. */
export const ArgumentRelation = z.enum(["for", "against", "supports", "attacks"]);
export type ArgumentRelation = z.infer<typeof ArgumentRelation>;

export const ArgumentStatus = z.enum(["published", "pending", "hidden", "withdrawn"]);
export type ArgumentStatus = z.infer<typeof ArgumentStatus>;

export interface ArgumentNode {
  id: string;
  parentId: string | null;
  relation: ArgumentRelation;
  body: string;
  authorName: string;
  status: ArgumentStatus;
  createdAt: string;
  replies: ArgumentNode[];
}

/** Arranges flat argument rows into the tree a motion shows; orphans of a missing parent are dropped. */
export function buildArgumentTree(rows: Omit<ArgumentNode, "replies">[]): ArgumentNode[] {
  const nodes = new Map(rows.map((row) => [row.id, { ...row, replies: [] as ArgumentNode[] }]));
  const roots: ArgumentNode[] = [];
  for (const node of nodes.values()) {
    if (node.parentId === null) roots.push(node);
    else nodes.get(node.parentId)?.replies.push(node);
  }
  return roots;
}
