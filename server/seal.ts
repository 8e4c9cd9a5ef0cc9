import "server-only";
import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hkdfSync, type KeyObject, randomBytes } from "node:crypto";
import { decodeRaterAnswers, encodeRaterAnswers, type RaterAnswers, type SealedFormat, sealedAnswersBytes } from "@/lib/survey/sealed-answers";
import { sealKeyBase64 } from "./env";

/**
 * Sealing: while a cycle is open, a rep's answers are stored only encrypted, with
 * AES-256-GCM under a key derived for that cycle (HKDF-SHA-256) from FULCRUM_SEAL_KEY,
 * which the database never holds. Someone who can read the database, its files, its WAL or
 * its backups can see that a rep answered (the participation row, as the product shows
 * it), and a sealed row written in the same transaction, but not what it says. The close
 * opens the seals, in the app, and writes the answers in random order under the close's
 * own transaction (server/internal/cycles/close.ts).
 *
 * A sealed row is: format byte, 12-byte nonce, 16-byte tag, ciphertext. The cycle and the
 * manager are authenticated with it, so a row moved to another manager or cycle does not
 * open. Every plaintext of a cycle has the same length (lib/survey/sealed-answers, in the
 * cycle's format), so no ciphertext of a cycle is longer than another.
 */
const FORMAT = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + NONCE_BYTES + TAG_BYTES;
/** The length of every sealed row of a cycle that seals in this format. */
export const sealedBytes = (format: SealedFormat) => HEADER_BYTES + sealedAnswersBytes(format);

/** The master key: opaque, so that it never ends up in a log or a response by accident. */
export class SealKey {
  readonly #bytes: Buffer;
  readonly #fingerprint: string;
  readonly #cycleKeys = new Map<string, KeyObject>();
  constructor(bytes: Buffer) {
    if (bytes.length !== 32) throw new RangeError("A seal key is 32 bytes.");
    this.#bytes = bytes;
    this.#fingerprint = createHmac("sha256", bytes).update("fulcrum seal fingerprint v1").digest("hex").slice(0, 32);
  }
  static fromBase64(text: string) {
    return new SealKey(Buffer.from(text, "base64"));
  }
  /**
   * The key for one cycle's seals, derived once per cycle and kept, as opaque as this one:
   * every submission to a cycle seals with the same key, and deriving it again was a third
   * of the sealing's CPU time (bench/README.md, "Submission path").
   */
  forCycle(cycleId: string): KeyObject {
    let key = this.#cycleKeys.get(cycleId);
    if (!key) {
      key = createSecretKey(Buffer.from(hkdfSync("sha256", this.#bytes, Buffer.from("fulcrum seal v1"), Buffer.from(cycleId), 32)));
      this.#cycleKeys.set(cycleId, key);
    }
    return key;
  }
  /**
   * Stored with each cycle when it opens, so that a start with another key is refused
   * before it could fail at the close. It identifies the key without revealing it.
   */
  get fingerprint(): string {
    return this.#fingerprint;
  }
  toJSON() {
    return "[seal key]";
  }
  [Symbol.for("nodejs.util.inspect.custom")]() {
    return "[seal key]";
  }
}

let current: SealKey | undefined;

/** The key this app instance seals and opens with. */
export function sealKey(): SealKey {
  current ??= SealKey.fromBase64(sealKeyBase64());
  return current;
}

const associatedData = (cycleId: string, managerId: string) => Buffer.from(`${cycleId}/${managerId}`);

/** Seals one rep's answers in the format of the cycle (cycles.sealed_format). */
export function sealAnswers(key: SealKey, cycleId: string, managerId: string, answers: RaterAnswers, format: SealedFormat): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key.forCycle(cycleId), nonce);
  cipher.setAAD(associatedData(cycleId, managerId));
  const ciphertext = Buffer.concat([cipher.update(encodeRaterAnswers(answers, format)), cipher.final()]);
  return Buffer.concat([Buffer.from([FORMAT]), nonce, cipher.getAuthTag(), ciphertext]);
}

export class SealNotOpened extends Error {
  override readonly name = "SealNotOpened";
}

/**
 * Opens a seal; throws SealNotOpened for another key, cycle or manager, for a row of
 * another length than the cycle's format gives, or for any tampering.
 */
export function openAnswers(key: SealKey, cycleId: string, managerId: string, sealed: Uint8Array, format: SealedFormat): RaterAnswers {
  const bytes = Buffer.from(sealed);
  if (bytes.length !== sealedBytes(format) || bytes[0] !== FORMAT) throw new SealNotOpened("Not a sealed response.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.forCycle(cycleId), bytes.subarray(1, 1 + NONCE_BYTES));
    decipher.setAAD(associatedData(cycleId, managerId));
    decipher.setAuthTag(bytes.subarray(1 + NONCE_BYTES, HEADER_BYTES));
    return decodeRaterAnswers(Buffer.concat([decipher.update(bytes.subarray(HEADER_BYTES)), decipher.final()]));
  } catch (error) {
    throw new SealNotOpened("The seal did not open.", { cause: error });
  }
}
