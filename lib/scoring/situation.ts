import { SITUATION_FAVOURS, type SituationKey } from "../situations";

/**
 * Situational target `T = (#leadership − #management) / (#leadership + #management)`
 * over the situations a director marked, in [−1, +1] on the same axis as the balance.
 * With none marked there is no reason to lean either way, so `T = 0`. A situation
 * marked twice counts once.
 */
export function situationalTarget(marked: readonly SituationKey[]): number {
  let leadership = 0;
  let management = 0;
  for (const situation of new Set(marked)) {
    if (SITUATION_FAVOURS[situation] === "leadership") leadership++;
    else management++;
  }
  const total = leadership + management;
  return total === 0 ? 0 : (leadership - management) / total;
}

/**
 * Fit gap `B − T`: positive when the manager leans further toward leading than the
 * team's situation calls for, negative when further toward managing.
 */
export function fitGap(overallBalance: number, target: number): number {
  return overallBalance - target;
}
