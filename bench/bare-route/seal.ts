import { createCipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * The sealing work of a submission (server/seal.ts `sealAnswers`), for the bare route, with
 * node:crypto and nothing of the app: a key for the cycle derived with HKDF-SHA-256 from a
 * master key, AES-256-GCM over a plaintext of fixed length, the result as the app stores it
 * (format byte, nonce, tag, ciphertext). The master key is this process's own, random: the
 * floor only has to do the same work, and nothing ever opens its seals.
 */

/**
 * The plaintext's length in the format a cycle opened now seals in: lib/survey/sealed-answers.ts
 * `sealedAnswersBytes(2)` (a format byte, 21 answer bytes, 3 follow-through bytes, a two-byte
 * comment length, and room for a comment of 1,000 characters of four UTF-8 bytes each).
 * tests/unit/bench.test.ts checks that the two agree.
 */
const HEADER_BYTES = 1 + 7 * 3 + 3 + 2;
export const PLAINTEXT_BYTES = HEADER_BYTES + 1_000 * 4;
const NONCE_BYTES = 12;
/** A sealed row's length: server/seal.ts SEALED_BYTES. */
export const SEALED_BYTES = 1 + NONCE_BYTES + 16 + PLAINTEXT_BYTES;

const masterKey = randomBytes(32);

export interface Answer {
  management: number | null;
  leadership: number | null;
  need: number | null;
}

/** The answers laid out as the app lays them out: fixed length, whatever they say. */
function plaintext(answers: readonly Answer[], comment: string | null): Buffer {
  const bytes = Buffer.alloc(PLAINTEXT_BYTES);
  bytes[0] = 2;
  let at = 1;
  for (const answer of answers) {
    bytes[at++] = answer.management ?? 0;
    bytes[at++] = answer.leadership ?? 0;
    bytes[at++] = answer.need === null ? 0 : answer.need + 3;
  }
  // No follow-through items: their three bytes stay 0.
  const text = Buffer.from(comment ?? "", "utf8").subarray(0, PLAINTEXT_BYTES - HEADER_BYTES);
  at = HEADER_BYTES - 2;
  bytes.writeUInt16BE(text.length, at);
  text.copy(bytes, at + 2);
  return bytes;
}

export function seal(cycleId: string, managerId: string, answers: readonly Answer[], comment: string | null): Buffer {
  const key = Buffer.from(hkdfSync("sha256", masterKey, Buffer.from("fulcrum seal v1"), Buffer.from(cycleId), 32));
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(Buffer.from(`${cycleId}/${managerId}`));
  const ciphertext = Buffer.concat([cipher.update(plaintext(answers, comment)), cipher.final()]);
  return Buffer.concat([Buffer.from([1]), nonce, cipher.getAuthTag(), ciphertext]);
}
