/**
 * One rep's answers as the bytes that are sealed while a cycle is open.
 *
 * Every submission in a cycle becomes exactly as many bytes as every other, whatever it
 * says: a long comment and no comment at all, "can't say" everywhere and an answer
 * everywhere, all look alike. Otherwise the length of a sealed row would carry what the
 * encryption hides: someone reading the database could match a participation to its sealed
 * row (they are written in one transaction), then, once the cycle has closed, match that
 * row's length to a comment of the same length. Encryption keeps the length, so the
 * padding has to hide it.
 *
 * Layout: a format byte; one byte per item (aspect by aspect, in ASPECT_KEYS order:
 * managing, leading, team need), 0 for "can't say" and otherwise the answer shifted into
 * 1–5; in format 2, one byte per follow-through item (one per place of the manager's list
 * of commitments, MAX_COMMITMENTS of them, 0 for "can't say" or for a place the manager
 * left empty); the comment's length in UTF-8 bytes (two bytes, big-endian) and the
 * comment; zeros to the end.
 *
 * A cycle seals in one format from its opening to its close (cycles.sealed_format), so
 * that the answers of a cycle that was open when format 2 came in keep one length.
 */
import { ASPECT_KEYS, type AspectKey, COMMENT_MAX_LENGTH, NEED_MIN, type Need, type Rating, RATING_MIN } from "../aspects";
import { MAX_COMMITMENTS } from "../commitment-fields";

export interface RaterAnswers {
  readonly aspects: Readonly<Record<AspectKey, { readonly management: Rating | null; readonly leadership: Rating | null; readonly need: Need | null }>>;
  /**
   * "Since the last cycle, how often have you seen <manager> <committed action>?", by the
   * commitment's place in the manager's list (index 0 is place 1); null is "can't say".
   * Empty when the manager committed to nothing, and always empty in format 1.
   */
  readonly followThrough: readonly (Rating | null)[];
  readonly comment: string | null;
}

/** Format 1 has no follow-through items; format 2, from issue 19 on, has. */
export const SEALED_FORMATS = [1, 2] as const;
export type SealedFormat = (typeof SEALED_FORMATS)[number];
/** The format a cycle opened now seals in. */
export const CURRENT_SEALED_FORMAT: SealedFormat = 2;

const ITEMS = ["management", "leadership", "need"] as const;
const followThroughBytes = (format: SealedFormat) => (format === 1 ? 0 : MAX_COMMITMENTS);
const headerBytes = (format: SealedFormat) => 1 + ASPECT_KEYS.length * ITEMS.length + followThroughBytes(format) + 2;
/** A character takes at most four bytes in UTF-8. */
const COMMENT_MAX_BYTES = COMMENT_MAX_LENGTH * 4;

/** The length of every plaintext sealed in this format. */
export const sealedAnswersBytes = (format: SealedFormat) => headerBytes(format) + COMMENT_MAX_BYTES;

/** Where each item's answer starts on the 1–5 byte scale. */
const OFFSET: Record<(typeof ITEMS)[number] | "followThrough", number> = {
  management: RATING_MIN - 1,
  leadership: RATING_MIN - 1,
  need: NEED_MIN - 1,
  followThrough: RATING_MIN - 1,
};

export class MalformedSealedAnswers extends Error {
  override readonly name = "MalformedSealedAnswers";
}

export function encodeRaterAnswers(answers: RaterAnswers, format: SealedFormat = CURRENT_SEALED_FORMAT): Uint8Array {
  if (answers.followThrough.length > followThroughBytes(format)) {
    throw new RangeError(format === 1 ? "Format 1 has no follow-through items." : `A manager has at most ${MAX_COMMITMENTS} commitments.`);
  }
  const bytes = new Uint8Array(sealedAnswersBytes(format));
  bytes[0] = format;
  let at = 1;
  for (const aspect of ASPECT_KEYS) {
    for (const item of ITEMS) {
      const value = answers.aspects[aspect][item];
      bytes[at++] = value === null ? 0 : value - OFFSET[item];
    }
  }
  for (let place = 0; place < followThroughBytes(format); place++) {
    const value = answers.followThrough[place] ?? null;
    bytes[at++] = value === null ? 0 : value - OFFSET.followThrough;
  }
  const comment = new TextEncoder().encode(answers.comment ?? "");
  if (comment.length > COMMENT_MAX_BYTES) throw new RangeError(`A comment is at most ${COMMENT_MAX_LENGTH} characters.`);
  bytes[at++] = comment.length >> 8;
  bytes[at++] = comment.length & 0xff;
  bytes.set(comment, at);
  return bytes;
}

function answerAt(bytes: Uint8Array, at: number, item: keyof typeof OFFSET) {
  const stored = bytes[at] ?? 0;
  if (stored > 5) throw new MalformedSealedAnswers("An answer is out of range.");
  return stored === 0 ? null : stored + OFFSET[item];
}

/**
 * Reads a plaintext of either format. The follow-through of format 2 comes back with one
 * entry per place, null for an empty place: which places were asked is the commitments'
 * to say, and the close reads only those.
 */
export function decodeRaterAnswers(bytes: Uint8Array): RaterAnswers {
  const format = SEALED_FORMATS.find((known) => known === bytes[0]);
  if (format === undefined || bytes.length !== sealedAnswersBytes(format)) throw new MalformedSealedAnswers("Unknown format.");
  let at = 1;
  const aspects = {} as Record<AspectKey, { management: Rating | null; leadership: Rating | null; need: Need | null }>;
  for (const aspect of ASPECT_KEYS) {
    aspects[aspect] = {
      management: answerAt(bytes, at++, "management") as Rating | null,
      leadership: answerAt(bytes, at++, "leadership") as Rating | null,
      need: answerAt(bytes, at++, "need") as Need | null,
    };
  }
  const followThrough = Array.from({ length: followThroughBytes(format) }, () => answerAt(bytes, at++, "followThrough") as Rating | null);
  const length = ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
  at += 2;
  if (length > COMMENT_MAX_BYTES) throw new MalformedSealedAnswers("The comment is too long.");
  const comment = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(at, at + length));
  return { aspects, followThrough, comment: comment === "" ? null : comment };
}
