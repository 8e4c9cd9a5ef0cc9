/**
 * One rep's answers as the bytes that are sealed while a cycle is open.
 *
 * Every submission becomes exactly `SEALED_ANSWERS_BYTES` bytes, whatever it says: a long
 * comment and no comment at all, "can't say" everywhere and an answer everywhere, all
 * look alike. Otherwise the length of a sealed row would carry what the encryption hides:
 * someone reading the database could match a participation to its sealed row (they are
 * written in one transaction), then, once the cycle has closed, match that row's length to
 * a comment of the same length. Encryption keeps the length, so the padding has to hide it.
 *
 * Layout: a format byte; one byte per item (aspect by aspect, in ASPECT_KEYS order:
 * managing, leading, team need), 0 for "can't say" and otherwise the answer shifted into
 * 1–5; the comment's length in UTF-8 bytes (two bytes, big-endian) and the comment; zeros
 * to the end.
 */
import { ASPECT_KEYS, type AspectKey, COMMENT_MAX_LENGTH, NEED_MIN, type Need, type Rating, RATING_MIN } from "../aspects";

export interface RaterAnswers {
  readonly aspects: Readonly<Record<AspectKey, { readonly management: Rating | null; readonly leadership: Rating | null; readonly need: Need | null }>>;
  readonly comment: string | null;
}

const FORMAT = 1;
const ITEMS = ["management", "leadership", "need"] as const;
const HEADER_BYTES = 1 + ASPECT_KEYS.length * ITEMS.length + 2;
/** A character takes at most four bytes in UTF-8. */
const COMMENT_MAX_BYTES = COMMENT_MAX_LENGTH * 4;
export const SEALED_ANSWERS_BYTES = HEADER_BYTES + COMMENT_MAX_BYTES;

/** Where each item's answer starts on the 1–5 byte scale. */
const OFFSET: Record<(typeof ITEMS)[number], number> = { management: RATING_MIN - 1, leadership: RATING_MIN - 1, need: NEED_MIN - 1 };

export class MalformedSealedAnswers extends Error {
  override readonly name = "MalformedSealedAnswers";
}

export function encodeRaterAnswers(answers: RaterAnswers): Uint8Array {
  const bytes = new Uint8Array(SEALED_ANSWERS_BYTES);
  bytes[0] = FORMAT;
  let at = 1;
  for (const aspect of ASPECT_KEYS) {
    for (const item of ITEMS) {
      const value = answers.aspects[aspect][item];
      bytes[at++] = value === null ? 0 : value - OFFSET[item];
    }
  }
  const comment = new TextEncoder().encode(answers.comment ?? "");
  if (comment.length > COMMENT_MAX_BYTES) throw new RangeError(`A comment is at most ${COMMENT_MAX_LENGTH} characters.`);
  bytes[at++] = comment.length >> 8;
  bytes[at++] = comment.length & 0xff;
  bytes.set(comment, at);
  return bytes;
}

function answerAt(bytes: Uint8Array, at: number, item: (typeof ITEMS)[number]) {
  const stored = bytes[at] ?? 0;
  if (stored > 5) throw new MalformedSealedAnswers("An answer is out of range.");
  return stored === 0 ? null : stored + OFFSET[item];
}

export function decodeRaterAnswers(bytes: Uint8Array): RaterAnswers {
  if (bytes.length !== SEALED_ANSWERS_BYTES || bytes[0] !== FORMAT) throw new MalformedSealedAnswers("Unknown format.");
  let at = 1;
  const aspects = {} as Record<AspectKey, { management: Rating | null; leadership: Rating | null; need: Need | null }>;
  for (const aspect of ASPECT_KEYS) {
    aspects[aspect] = {
      management: answerAt(bytes, at++, "management") as Rating | null,
      leadership: answerAt(bytes, at++, "leadership") as Rating | null,
      need: answerAt(bytes, at++, "need") as Need | null,
    };
  }
  const length = ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
  at += 2;
  if (length > COMMENT_MAX_BYTES) throw new MalformedSealedAnswers("The comment is too long.");
  const comment = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(at, at + length));
  return { aspects, comment: comment === "" ? null : comment };
}
