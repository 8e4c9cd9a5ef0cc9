import { ASPECT_KEYS, type AspectKey, type Need, type Rating } from "../aspects";
import { EMPTY_MOMENTS, type Moments, momentsOf } from "./stats";

/** One rater's answers on one aspect. `null` is "can't say". */
export interface AspectAnswer {
  readonly management: Rating | null;
  readonly leadership: Rating | null;
  readonly need: Need | null;
}

/** One rep's response about their manager. */
export interface RaterResponse {
  readonly aspects: Readonly<Record<AspectKey, AspectAnswer>>;
  readonly comment?: string;
}

/** The manager's view of themselves: the same pole items, no team need. */
export interface SelfAssessment {
  readonly aspects: Readonly<Record<AspectKey, { readonly management: Rating | null; readonly leadership: Rating | null }>>;
}

/** The three item series of one aspect, as sufficient statistics of the non-empty answers. */
export interface AspectAggregate {
  readonly management: Moments;
  readonly leadership: Moments;
  readonly need: Moments;
  /**
   * L − M of each rater who rated both poles. Its spread says how precisely b is known:
   * one rater's two answers move together, which the spreads of M and L alone cannot show.
   */
  readonly difference: Moments;
}

/**
 * Each rater's own overall balance and versatility, over the aspects on which they rated
 * both poles. B and overall versatility average many answers of the same people, so their
 * precision comes from how much raters differ from each other, not from the aspects.
 *
 * Kept in whole units of 1/RATER_UNITS, so that the database and this code add them up
 * exactly alike: a rater's mean over c aspects (c from 1 to 7) is a whole number of those
 * units because RATER_UNITS is a multiple of every c.
 */
export interface RaterAggregate {
  /** Moments of each rater's mean of L − M, in units of 1/RATER_UNITS. */
  readonly difference: Moments;
  /** Moments of each rater's mean of L + M, in units of 1/RATER_UNITS. */
  readonly total: Moments;
}

/** 420, the least common multiple of 1 … 7: every count of aspects divides it. */
export const RATER_UNITS = ASPECT_KEYS.reduce((multiple, _, i) => lcm(multiple, i + 1), 1);

function lcm(a: number, b: number): number {
  let [x, y] = [a, b];
  while (y !== 0) [x, y] = [y, x % y];
  return (a * b) / x;
}

/**
 * Everything the scores of one manager in one cycle are computed from. The database
 * layer builds this in SQL; `aggregateResponses` builds it from raw responses.
 */
export interface TeamAggregate {
  /** Responses received, including ones that said "can't say" to everything. */
  readonly respondents: number;
  readonly aspects: Readonly<Record<AspectKey, AspectAggregate>>;
  readonly raters: RaterAggregate;
  /** Free-text comments, in any order: suppression decides whether and how they are shown. */
  readonly comments: readonly string[];
}

const EMPTY_ASPECT: AspectAggregate = { management: EMPTY_MOMENTS, leadership: EMPTY_MOMENTS, need: EMPTY_MOMENTS, difference: EMPTY_MOMENTS };

export const EMPTY_RATERS: RaterAggregate = { difference: EMPTY_MOMENTS, total: EMPTY_MOMENTS };

/** Every aspect with no answers yet: the starting point for building or pooling aggregates. */
export function emptyAspects(): Record<AspectKey, AspectAggregate> {
  return Object.fromEntries(ASPECT_KEYS.map((key) => [key, EMPTY_ASPECT])) as Record<AspectKey, AspectAggregate>;
}

/** Only non-empty answers carry data: "can't say" adds nothing to any count. */
export function nonEmpty<T extends number>(answers: readonly (T | null)[]): T[] {
  return answers.filter((answer): answer is T => answer !== null);
}

/** A comment counts only if it has visible text. */
export function hasText(comment: string | undefined): comment is string {
  return comment !== undefined && comment.trim() !== "";
}

/** The aspects on which a rater rated both poles, as (M, L) pairs. */
function pairedAnswers(response: RaterResponse): { management: number; leadership: number }[] {
  return ASPECT_KEYS.flatMap((key) => {
    const { management, leadership } = response.aspects[key];
    return management !== null && leadership !== null ? [{ management, leadership }] : [];
  });
}

/**
 * One rater's mean L − M and mean L + M over the aspects they rated both poles of, in
 * units of 1/RATER_UNITS; `null` when there is no such aspect. Their own B is
 * difference / (4 · RATER_UNITS), their versatility total / (2 · RATER_UNITS).
 */
function raterUnits(response: RaterResponse): { difference: number; total: number } | null {
  const pairs = pairedAnswers(response);
  if (pairs.length === 0) return null;
  const per = RATER_UNITS / pairs.length;
  return {
    difference: per * pairs.reduce((sum, pair) => sum + (pair.leadership - pair.management), 0),
    total: per * pairs.reduce((sum, pair) => sum + (pair.leadership + pair.management), 0),
  };
}

/** The raw-array path to a `TeamAggregate`, giving exactly what the SQL path gives. */
export function aggregateResponses(responses: readonly RaterResponse[]): TeamAggregate {
  const aspects = emptyAspects();
  for (const key of ASPECT_KEYS) {
    const answers = responses.map((response) => response.aspects[key]);
    aspects[key] = {
      management: momentsOf(nonEmpty(answers.map((a) => a.management))),
      leadership: momentsOf(nonEmpty(answers.map((a) => a.leadership))),
      need: momentsOf(nonEmpty(answers.map((a) => a.need))),
      difference: momentsOf(answers.flatMap((a) => (a.management !== null && a.leadership !== null ? [a.leadership - a.management] : []))),
    };
  }
  const raters = responses.map(raterUnits).filter((units) => units !== null);
  return {
    respondents: responses.length,
    aspects,
    raters: { difference: momentsOf(raters.map((r) => r.difference)), total: momentsOf(raters.map((r) => r.total)) },
    comments: responses.map((response) => response.comment).filter(hasText),
  };
}
