/**
 * How scores moved between two closed cycles, and whether the move is clear of the noise.
 * A change is "clear" only when the 95% interval of the difference leaves out 0; anything
 * else reads as "no clear change", however large the difference looks.
 */
import { ASPECT_KEYS, type AspectKey } from "../aspects";
import { type Difference, differenceOf, type Precision } from "../scoring/stats";
import type { AspectReport, Gated, Scores } from "../scoring/suppression";

/**
 * A change with its interval, or without one when the precision of either side is not
 * known (fewer than k raters rated both poles): then it is never called clear.
 */
export type Change = (Difference & { readonly clear: boolean }) | { readonly value: number; readonly ci: null; readonly clear: false };

/** How one aspect moved between two cycles; `null` where either cycle hides the value. */
export interface AspectChange {
  readonly management: Change | null;
  readonly leadership: Change | null;
  readonly balance: Change | null;
}

/** The interval leaves out 0. */
export function isClear({ ci }: Difference): boolean {
  return ci.low > 0 || ci.high < 0;
}

type Estimate = { readonly value: number; readonly precision: Precision | null };

/** `after − before` with its interval when both are precise enough to give one. */
export function changeBetween(before: Estimate, after: Estimate): Change {
  if (before.precision === null || after.precision === null) return { value: after.value - before.value, ci: null, clear: false };
  const difference = differenceOf({ value: after.value, ...after.precision }, { value: before.value, ...before.precision });
  return { ...difference, clear: isClear(difference) };
}

function change<T extends Estimate>(before: Gated<T>, after: Gated<T>): Change | null {
  return before.shown && after.shown ? changeBetween(before, after) : null;
}

/** A pole score carries its own precision. */
function pole(score: AspectReport["management"]): Gated<Estimate> {
  return score.shown ? { shown: true, value: score.value, precision: score } : score;
}

function aspectChange(before: AspectReport, after: AspectReport): AspectChange {
  return {
    management: change(pole(before.management), pole(after.management)),
    leadership: change(pole(before.leadership), pole(after.leadership)),
    balance: change(before.balance, after.balance),
  };
}

/** The change per aspect from one cycle's shown scores to a later cycle's. */
export function changeSince(previous: Pick<Scores, "aspects">, current: Pick<Scores, "aspects">): Record<AspectKey, AspectChange> {
  const entries = ASPECT_KEYS.map((key) => [key, aspectChange(previous.aspects[key], current.aspects[key])]);
  return Object.fromEntries(entries) as Record<AspectKey, AspectChange>;
}

/** The change in overall balance B, or `null` when either cycle hides it. */
export function balanceChange(previous: Pick<Scores, "balance">, current: Pick<Scores, "balance">): Change | null {
  return change(previous.balance, current.balance);
}

/** The change in overall versatility, or `null` when either cycle hides it. */
export function versatilityChange(previous: Pick<Scores, "versatility">, current: Pick<Scores, "versatility">): Change | null {
  return change(previous.versatility, current.versatility);
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
