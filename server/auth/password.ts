import "server-only";
import { hash, verify, type Options } from "@node-rs/argon2";

/**
 * argon2id at OWASP's recommended minimum (m = 19 MiB, t = 2, p = 1). The literal 2 is
 * Algorithm.Argon2id: the library declares that enum as an ambient const enum, which
 * isolated modules cannot read.
 */
const ARGON2ID_OWASP: Options = { algorithm: 2 as Options["algorithm"], memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID_OWASP);
}

/** A hash of nothing in particular, verified when the email is unknown so both cases take as long. */
const decoyHash = hashPassword("fulcrum-decoy-password");

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    const matches = await verify(passwordHash ?? (await decoyHash), password);
    return matches && passwordHash !== null;
  } catch {
    // A malformed stored hash must never let anyone in.
    return false;
  }
}
