import fc from "fast-check";
import { ASPECT_KEYS, type AspectKey, type Need, NEEDS, type Rating, RATINGS } from "@/lib/aspects";
import type { AspectAnswer, RaterResponse } from "@/lib/scoring";

/** Ratings with plenty of "can't say", so counts near k come up often. */
export const rating: fc.Arbitrary<Rating | null> = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...RATINGS) }, { weight: 1, arbitrary: fc.constant(null) });

export const need: fc.Arbitrary<Need | null> = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NEEDS) }, { weight: 1, arbitrary: fc.constant(null) });

export const aspectAnswer: fc.Arbitrary<AspectAnswer> = fc.record({ management: rating, leadership: rating, need });

const aspects = fc.record(Object.fromEntries(ASPECT_KEYS.map((key) => [key, aspectAnswer])) as Record<AspectKey, fc.Arbitrary<AspectAnswer>>);

export const raterResponse: fc.Arbitrary<RaterResponse> = fc.record(
  { aspects, comment: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }) },
  { requiredKeys: ["aspects"] },
);

export const team = (maxRaters = 9): fc.Arbitrary<RaterResponse[]> => fc.array(raterResponse, { minLength: 0, maxLength: maxRaters });

/** A pole score or team-level value anywhere on the rating scale. */
export const poleValue = fc.double({ min: 1, max: 5, noNaN: true });
export const needValue = fc.double({ min: -2, max: 2, noNaN: true });
export const target = fc.double({ min: -1, max: 1, noNaN: true });
export const k = fc.integer({ min: 3, max: 7 });
