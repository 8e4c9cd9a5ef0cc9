import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ASPECT_KEYS, COMMENT_MAX_LENGTH } from "@/lib/aspects";
import { decodeRaterAnswers, encodeRaterAnswers, MalformedSealedAnswers, type RaterAnswers, SEALED_ANSWERS_BYTES } from "@/lib/survey/sealed-answers";
import { aspectAnswer } from "./support/arbitraries";

const comment = fc.oneof(
  fc.constant(null),
  fc.string({ minLength: 1, maxLength: COMMENT_MAX_LENGTH, unit: "grapheme" }).filter((text) => [...text].length <= COMMENT_MAX_LENGTH),
);
const raterAnswers: fc.Arbitrary<RaterAnswers> = fc.record({
  aspects: fc.record(Object.fromEntries(ASPECT_KEYS.map((aspect) => [aspect, aspectAnswer])) as Record<(typeof ASPECT_KEYS)[number], typeof aspectAnswer>),
  comment,
});

describe("sealed answers", () => {
  it("decode to exactly what was encoded", () => {
    fc.assert(
      fc.property(raterAnswers, (answers) => {
        expect(decodeRaterAnswers(encodeRaterAnswers(answers))).toEqual(answers);
      }),
    );
  });

  it("are the same length whatever they say, so a sealed row's length carries nothing", () => {
    fc.assert(
      fc.property(raterAnswers, (answers) => {
        expect(encodeRaterAnswers(answers)).toHaveLength(SEALED_ANSWERS_BYTES);
      }),
    );
  });

  it("hold the longest comment in the widest characters", () => {
    const widest = "😀".repeat(COMMENT_MAX_LENGTH);
    const answers = { aspects: decodeRaterAnswers(encodeRaterAnswers({ aspects: emptyAspects(), comment: null })).aspects, comment: widest };
    expect(decodeRaterAnswers(encodeRaterAnswers(answers)).comment).toBe(widest);
  });

  it("refuse bytes of another format, length or range", () => {
    const valid = encodeRaterAnswers({ aspects: emptyAspects(), comment: "fine" });
    expect(() => decodeRaterAnswers(valid.subarray(1))).toThrow(MalformedSealedAnswers);
    expect(() => decodeRaterAnswers(Uint8Array.from(valid, (byte, index) => (index === 0 ? 9 : byte)))).toThrow(MalformedSealedAnswers);
    expect(() => decodeRaterAnswers(Uint8Array.from(valid, (byte, index) => (index === 1 ? 6 : byte)))).toThrow(MalformedSealedAnswers);
  });
});

function emptyAspects(): RaterAnswers["aspects"] {
  return Object.fromEntries(ASPECT_KEYS.map((aspect) => [aspect, { management: null, leadership: null, need: null }])) as RaterAnswers["aspects"];
}
