import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ASPECT_KEYS, COMMENT_MAX_LENGTH } from "@/lib/aspects";
import { MAX_COMMITMENTS } from "@/lib/commitment-fields";
import {
  decodeRaterAnswers,
  encodeRaterAnswers,
  MalformedSealedAnswers,
  type RaterAnswers,
  SEALED_FORMATS,
  sealedAnswersBytes,
} from "@/lib/survey/sealed-answers";
import { aspectAnswer, rating } from "./support/arbitraries";

const comment = fc.oneof(
  fc.constant(null),
  fc.string({ minLength: 1, maxLength: COMMENT_MAX_LENGTH, unit: "grapheme" }).filter((text) => [...text].length <= COMMENT_MAX_LENGTH),
);
const aspects = fc.record(Object.fromEntries(ASPECT_KEYS.map((aspect) => [aspect, aspectAnswer])) as Record<(typeof ASPECT_KEYS)[number], typeof aspectAnswer>);
/** Answers of format 2: follow-through for none to MAX_COMMITMENTS places. */
const raterAnswers: fc.Arbitrary<RaterAnswers> = fc.record({ aspects, followThrough: fc.array(rating, { maxLength: MAX_COMMITMENTS }), comment });
/** What decoding gives back: one follow-through entry per place, null where nothing was asked. */
const padded = (answers: RaterAnswers) => ({
  ...answers,
  followThrough: Array.from({ length: MAX_COMMITMENTS }, (_, place) => answers.followThrough[place] ?? null),
});

describe("sealed answers", () => {
  it("decode to exactly what was encoded, follow-through by place", () => {
    fc.assert(
      fc.property(raterAnswers, (answers) => {
        expect(decodeRaterAnswers(encodeRaterAnswers(answers, 2))).toEqual(padded(answers));
      }),
    );
  });

  it("decode what format 1 sealed, before follow-through came in", () => {
    fc.assert(
      fc.property(aspects, comment, (aspectAnswers, text) => {
        const answers = { aspects: aspectAnswers, followThrough: [], comment: text };
        expect(decodeRaterAnswers(encodeRaterAnswers(answers, 1))).toEqual(answers);
      }),
    );
  });

  it("are the same length in one format whatever they say, so a sealed row's length carries nothing", () => {
    fc.assert(
      fc.property(raterAnswers, (answers) => {
        expect(encodeRaterAnswers(answers, 2)).toHaveLength(sealedAnswersBytes(2));
        expect(encodeRaterAnswers({ ...answers, followThrough: [] }, 1)).toHaveLength(sealedAnswersBytes(1));
      }),
    );
  });

  it("hold the longest comment in the widest characters, in both formats", () => {
    const widest = "😀".repeat(COMMENT_MAX_LENGTH);
    for (const format of SEALED_FORMATS) {
      const answers = { aspects: emptyAspects(), followThrough: [], comment: widest };
      expect(decodeRaterAnswers(encodeRaterAnswers(answers, format)).comment).toBe(widest);
    }
  });

  it("refuse follow-through that the format has no room for", () => {
    expect(() => encodeRaterAnswers({ aspects: emptyAspects(), followThrough: [3], comment: null }, 1)).toThrow(RangeError);
    expect(() => encodeRaterAnswers({ aspects: emptyAspects(), followThrough: [3, 3, 3, 3], comment: null }, 2)).toThrow(RangeError);
  });

  it("refuse bytes of another format, length or range", () => {
    const valid = encodeRaterAnswers({ aspects: emptyAspects(), followThrough: [4], comment: "fine" }, 2);
    expect(() => decodeRaterAnswers(valid.subarray(1))).toThrow(MalformedSealedAnswers);
    expect(() => decodeRaterAnswers(Uint8Array.from(valid, (byte, index) => (index === 0 ? 9 : byte)))).toThrow(MalformedSealedAnswers);
    // A format-2 body under format 1's byte has the wrong length for it.
    expect(() => decodeRaterAnswers(Uint8Array.from(valid, (byte, index) => (index === 0 ? 1 : byte)))).toThrow(MalformedSealedAnswers);
    expect(() => decodeRaterAnswers(Uint8Array.from(valid, (byte, index) => (index === 1 ? 6 : byte)))).toThrow(MalformedSealedAnswers);
    // The first follow-through byte sits after the 21 item bytes.
    expect(() => decodeRaterAnswers(Uint8Array.from(valid, (byte, index) => (index === 22 ? 6 : byte)))).toThrow(MalformedSealedAnswers);
  });
});

function emptyAspects(): RaterAnswers["aspects"] {
  return Object.fromEntries(ASPECT_KEYS.map((aspect) => [aspect, { management: null, leadership: null, need: null }])) as RaterAnswers["aspects"];
}
