/**
 * The thresholds behind the report's plain words. Every threshold a reader sees reflected
 * in the wording is a named constant here, so the words and the numbers cannot drift apart.
 */

/** A balance this close to 0 reads as balanced: L and M less than 0.4 scale points apart. */
export const BALANCED_WITHIN = 0.1;
/** Versatility from here up means both poles are, on average, seen "often" or more. */
export const HIGH_VERSATILITY = 4;

export type Lean = "managing" | "balanced" | "leading";

/** Which way a balance (b, B or a fit gap) points, with "balanced" for small values. */
export function leanOf(balance: number): Lean {
  if (Math.abs(balance) < BALANCED_WITHIN) return "balanced";
  return balance < 0 ? "managing" : "leading";
}
