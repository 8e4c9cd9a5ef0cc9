/**
 * What the close of a cycle keeps. PRODUCT.md: what can never be shown is not kept. A team
 * that ends the cycle below k never shows a score, and thresholds may later be raised but
 * never lowered, so its answers are never written in the clear: only its count remains.
 * The same for the comments of a team with fewer comments than the comment threshold.
 * What is kept is written in random order, so that nothing in the table's physical order
 * hints at who answered when.
 */
import { hasText } from "./aggregate";
import { type RandomSource, resolveThresholds, secureRandom, shuffle, type Thresholds } from "./suppression";

export interface ClosingResponse<Answers> {
  readonly managerId: string;
  readonly answers: Answers;
  readonly comment: string | null;
}

/**
 * `respondents` counts, per manager, the reps who took part (participation, which stays):
 * the team's n, whatever happens to its answers.
 */
export function retainAtClose<Answers>(
  responses: readonly ClosingResponse<Answers>[],
  respondents: ReadonlyMap<string, number>,
  thresholds: Partial<Thresholds>,
  random: RandomSource = secureRandom,
): ClosingResponse<Answers>[] {
  const { k, commentThreshold } = resolveThresholds(thresholds);
  const meetsK = (managerId: string) => (respondents.get(managerId) ?? 0) >= k;
  const comments = new Map<string, number>();
  for (const response of responses) {
    if (hasText(response.comment ?? undefined)) comments.set(response.managerId, (comments.get(response.managerId) ?? 0) + 1);
  }
  const kept = responses
    .filter((response) => meetsK(response.managerId))
    .map((response) => ((comments.get(response.managerId) ?? 0) >= commentThreshold ? response : { ...response, comment: null }));
  return shuffle(kept, random);
}
