import { randomInt } from "node:crypto";
import type { Repos } from "../../../db/store";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from "../../../lib/spaces";

const randomCode = () =>
  Array.from(
    { length: JOIN_CODE_LENGTH },
    () => JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)],
  ).join("");

/** A fresh join code no other space holds (31^8 codes: a clash is rare, but possible). */
export async function uniqueJoinCode(tx: Repos): Promise<string> {
  for (;;) {
    const code = randomCode();
    if (!(await tx.spaces.byJoinCode(code))) return code;
  }
}
