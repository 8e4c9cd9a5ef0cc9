/**
 * The seven aspects of the instrument, in the order of PRODUCT.md. The database enum,
 * the survey and every report use this order, so it is the single source of truth.
 */
export const ASPECT_KEYS = ["focus", "decision_making", "motivation", "communication", "adaptability", "conflict_resolution", "development"] as const;

export type AspectKey = (typeof ASPECT_KEYS)[number];

export const POLES = ["management", "leadership"] as const;
export type Pole = (typeof POLES)[number];

/** Ranges of the three answers, shared by zod schemas and database CHECK constraints. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const NEED_MIN = -2;
export const NEED_MAX = 2;
export const COMMENT_MAX_LENGTH = 1000;

export function isAspectKey(value: unknown): value is AspectKey {
  return typeof value === "string" && (ASPECT_KEYS as readonly string[]).includes(value);
}

/** A frequency rating, 1 (never) to 5 (always). `null` in an answer means "can't say". */
export type Rating = 1 | 2 | 3 | 4 | 5;
export const RATINGS: readonly Rating[] = [1, 2, 3, 4, 5];

/** A team-need answer: −2 much more managing … 0 keep the balance … +2 much more leading. */
export type Need = -2 | -1 | 0 | 1 | 2;
export const NEEDS: readonly Need[] = [-2, -1, 0, 1, 2];
