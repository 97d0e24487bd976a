import { z } from "zod";

export const SpaceVisibility = z.enum(["public", "private"]);
export type SpaceVisibility = z.infer<typeof SpaceVisibility>;
