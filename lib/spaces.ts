import { z } from "zod";
import { text, visible } from "./text";

export const SpaceVisibility = z.enum(["public", "private"]);
export type SpaceVisibility = z.infer<typeof SpaceVisibility>;

export const SpaceRole = z.enum(["owner", "moderator", "participant", "observer"]);
export type SpaceRole = z.infer<typeof SpaceRole>;

/** Join codes use letters and digits nobody confuses when read aloud or off a projector. */
export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const JOIN_CODE_LENGTH = 8;

/** What someone typed, as the code it means: case, spaces and dashes do not matter. */
export function normalizeJoinCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, "");
}

/** A code as people read it: two groups of four. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export const JoinCode = text()
  .transform(normalizeJoinCode)
  .pipe(
    z
      .string()
      .length(JOIN_CODE_LENGTH, `must have ${JOIN_CODE_LENGTH} letters and digits`)
      .regex(
        new RegExp(`^[${JOIN_CODE_ALPHABET}]+$`),
        "has a character no join code uses (codes leave out 0, 1, I, L and O)",
      ),
  );

export const DisplayName = visible(
  text().trim().min(1, "is empty").max(60, "is too long (60 characters at most)"),
  "A name",
);
