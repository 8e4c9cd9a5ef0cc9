/**
 * How scores moved between two closed cycles, and whether the move is clear of the noise.
 * A change is "clear" only when the 95% interval of the difference leaves out 0; anything
 * else reads as "no clear change", however large the difference looks.
 */
import { ASPECT_KEYS, type AspectKey } from "../aspects";
import { roundedUnits } from "../format";
import { type Difference, differenceOf, type Precision } from "../scoring/stats";
import type { AspectReport, Gated, Scores } from "../scoring/suppression";

/** Decimals a change is shown with: scores and versatility 1, balances 2, as the values themselves. */
const CHANGE_DIGITS = { score: 1, balance: 2 } as const;

/**
 * A change with its interval, or without one when the precision of either side is not
 * known (fewer than k raters rated both poles): then it is never called clear. It carries
 * the decimals it is shown with, because whether it is clear is judged on what is shown.
 */
export type Change = { readonly digits: number } & (
  (Difference & { readonly clear: boolean }) | { readonly value: number; readonly ci: null; readonly clear: false }
);

/** How one aspect moved between two cycles; `null` where either cycle hides the value. */
export interface AspectChange {
  readonly management: Change | null;
  readonly leadership: Change | null;
  readonly balance: Change | null;
}

/**
 * The interval leaves out 0, and still does once rounded for display: a reader who sees
 * "−0.4 to 0.0" must not be told the change is clear.
 */
function isClear({ ci }: Difference, digits: number): boolean {
  return roundedUnits(ci.low, digits) > 0 || roundedUnits(ci.high, digits) < 0;
}

type Estimate = { readonly value: number; readonly precision: Precision | null };

/** `after − before` with its interval when both are precise enough to give one. */
export function changeBetween(before: Estimate, after: Estimate, digits: number): Change {
  if (before.precision === null || after.precision === null) return { value: after.value - before.value, ci: null, clear: false, digits };
  const difference = differenceOf({ value: after.value, ...after.precision }, { value: before.value, ...before.precision });
  return { ...difference, clear: isClear(difference, digits), digits };
}

function change<T extends Estimate>(before: Gated<T>, after: Gated<T>, digits: number): Change | null {
  return before.shown && after.shown ? changeBetween(before, after, digits) : null;
}

/** A pole score carries its own precision. */
function pole(score: AspectReport["management"]): Gated<Estimate> {
  return score.shown ? { shown: true, value: score.value, precision: score } : score;
}

function aspectChange(before: AspectReport, after: AspectReport): AspectChange {
  return {
    management: change(pole(before.management), pole(after.management), CHANGE_DIGITS.score),
    leadership: change(pole(before.leadership), pole(after.leadership), CHANGE_DIGITS.score),
    balance: change(before.balance, after.balance, CHANGE_DIGITS.balance),
  };
}

/** The change per aspect from one cycle's shown scores to a later cycle's. */
export function changeSince(previous: Pick<Scores, "aspects">, current: Pick<Scores, "aspects">): Record<AspectKey, AspectChange> {
  const entries = ASPECT_KEYS.map((key) => [key, aspectChange(previous.aspects[key], current.aspects[key])]);
  return Object.fromEntries(entries) as Record<AspectKey, AspectChange>;
}

/** The change in overall balance B, or `null` when either cycle hides it. */
export function balanceChange(previous: Pick<Scores, "balance">, current: Pick<Scores, "balance">): Change | null {
  return change(previous.balance, current.balance, CHANGE_DIGITS.balance);
}

/** The change in overall versatility, or `null` when either cycle hides it. */
export function versatilityChange(previous: Pick<Scores, "versatility">, current: Pick<Scores, "versatility">): Change | null {
  return change(previous.versatility, current.versatility, CHANGE_DIGITS.score);
}

/**
 * When fewer than half of this cycle's respondents also answered the previous one, a
 * change may say more about who answered than about the manager. Counted only where both
 * cycles' teams met k, from aggregate counts.
 */
export function respondentsChanged(current: number, previous: number, both: number, k: number): boolean | null {
  if (current < k || previous < k) return null;
  return 2 * both < current;
}
