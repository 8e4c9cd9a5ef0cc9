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
}

/**
 * Everything the scores of one manager in one cycle are computed from. The database
 * layer builds this in SQL; `aggregateResponses` builds it from raw responses.
 */
export interface TeamAggregate {
  /** Responses received, including ones that said "can't say" to everything. */
  readonly respondents: number;
  readonly aspects: Readonly<Record<AspectKey, AspectAggregate>>;
  /** Free-text comments, in any order: suppression decides whether and how they are shown. */
  readonly comments: readonly string[];
}

const EMPTY_ASPECT: AspectAggregate = { management: EMPTY_MOMENTS, leadership: EMPTY_MOMENTS, need: EMPTY_MOMENTS };

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

/** The raw-array path to a `TeamAggregate`, giving exactly what the SQL path gives. */
export function aggregateResponses(responses: readonly RaterResponse[]): TeamAggregate {
  const aspects = emptyAspects();
  for (const key of ASPECT_KEYS) {
    const answers = responses.map((response) => response.aspects[key]);
    aspects[key] = {
      management: momentsOf(nonEmpty(answers.map((a) => a.management))),
      leadership: momentsOf(nonEmpty(answers.map((a) => a.leadership))),
      need: momentsOf(nonEmpty(answers.map((a) => a.need))),
    };
  }
  return {
    respondents: responses.length,
    aspects,
    comments: responses.map((response) => response.comment).filter(hasText),
  };
}
