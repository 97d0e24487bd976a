import { hash, verify } from "@node-rs/argon2";

/** Argon2id, the library's default algorithm, with its default costs (19 MiB, 2 passes). */
export const hashPassword = (password: string) => hash(password);

export async function passwordMatches(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/**
 * Checking a password for an email nobody has costs the same as for one somebody has, so the
 * answer's timing does not tell which emails have accounts.
 */
export const UNKNOWN_USER_HASH = await hashPassword("no account has this password hash");
