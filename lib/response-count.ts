/**
 * "n of N responded" while a cycle is open, as anyone may see it.
 *
 * The count moves one submission at a time, so whoever watches it sees when it moves.
 * That says that someone answered, never what: answers stay invisible until the cycle
 * closes, and then appear only as aggregates of at least k. What a watcher must not learn
 * is whether one particular person has answered. Exact counts would tell them: once all
 * but one have answered, "N − 1 of N" points at the one who has not, and the next tick
 * says that this person has just answered.
 *
 * So the count is exact only while at least three invited raters are left. From then on
 * it reads "N − 2 or more of N" until the cycle closes. A watcher sees the count reach
 * that point, but can never tell the last two raters apart, nor whether either of them
 * answered. Teams of one or two get no number at all. Once a cycle has closed, the exact
 * count is part of the results (every score carries its n) and nothing moves any more.
 */
export interface ResponseCount {
  /** Raters the cycle's snapshot invited (N). */
  invited: number;
  /** How many of them answered (n), or, when `atLeast`, the lowest it may be. */
  responded: number;
  atLeast: boolean;
}

/** The count is exact while at least this many invited raters have not answered. */
export const EXACT_WHILE_LEFT = 3;

export function countWhileOpen(responded: number, invited: number): ResponseCount {
  if (invited - responded >= EXACT_WHILE_LEFT) return { invited, responded, atLeast: false };
  return { invited, responded: Math.max(invited - (EXACT_WHILE_LEFT - 1), 0), atLeast: true };
}

/** "3 of 7", "5 or more of 7", or, for a team of one or two, "0 to 2 of 2". */
export function responseCountText({ invited, responded, atLeast }: ResponseCount): string {
  if (!atLeast) return `${responded} of ${invited}`;
  return responded > 0 ? `${responded} or more of ${invited}` : `0 to ${invited} of ${invited}`;
}
