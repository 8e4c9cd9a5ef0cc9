/**
 * The report's headline in plain words. Every threshold a reader sees reflected in the
 * wording is a named constant here, so the words and the numbers cannot drift apart.
 */
import { formatScore, formatSigned } from "../format";
import { BUILD_BOTH_BELOW } from "../recommendations/ranking";
import { OVERALL_LOPSIDED_BALANCE } from "../recommendations/risks";
import { atLeast } from "../scoring/profile";

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

function leanClause(balance: number): string {
  const lean = leanOf(balance);
  const shown = `B ${formatSigned(balance, 2)}`;
  if (lean === "balanced") return `The team sees a balance between managing and leading (${shown})`;
  const strength = atLeast(Math.abs(balance), OVERALL_LOPSIDED_BALANCE) ? "a strong lean" : "a lean";
  return `The team sees ${strength} toward ${lean} (${shown})`;
}

function versatilityClause(versatility: number): string {
  const shown = `${formatScore(versatility)} of 5`;
  if (atLeast(versatility, HIGH_VERSATILITY)) return `with high versatility (${shown}): strong on both sides`;
  if (versatility < BUILD_BOTH_BELOW) return `with low versatility (${shown}): room to build both sides`;
  return `with moderate versatility (${shown})`;
}

function fitClause(balance: number, target: number): string {
  const shown = `T ${formatSigned(target, 2)}`;
  const lean = leanOf(balance - target);
  if (lean === "balanced") return `, close to what the team's situation calls for (${shown})`;
  return `, further toward ${lean} than the team's situation calls for (${shown})`;
}

export interface HeadlineNumbers {
  /** Overall balance B. */
  readonly balance: number;
  /** Overall versatility, 1–5. */
  readonly versatility: number;
  /** The situational target T, or `null` when no situation is marked for the team. */
  readonly target: number | null;
}

/**
 * One sentence that sums a profile up, e.g. "The team sees a strong lean toward managing
 * (B −0.51) with moderate versatility (3.3 of 5), further toward managing than the team's
 * situation calls for (T +1.00)." Worded about "the team", so it reads the same to the
 * manager and to anyone above them.
 */
export function headlineSentence({ balance, versatility, target }: HeadlineNumbers): string {
  const fit = target === null ? "" : fitClause(balance, target);
  return `${leanClause(balance)} ${versatilityClause(versatility)}${fit}.`;
}
