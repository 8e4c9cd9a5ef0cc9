import { ASPECT_KEYS, type AspectKey } from "../aspects";
import type { AspectReport, Gated, Scores } from "../scoring/suppression";

/** How one aspect moved between two cycles; `null` where either cycle hides the value. */
export interface AspectChange {
  readonly management: number | null;
  readonly leadership: number | null;
  readonly balance: number | null;
}

function change(before: Gated<{ readonly value: number }>, after: Gated<{ readonly value: number }>): number | null {
  return before.shown && after.shown ? after.value - before.value : null;
}

function aspectChange(before: AspectReport, after: AspectReport): AspectChange {
  return {
    management: change(before.management, after.management),
    leadership: change(before.leadership, after.leadership),
    balance: change(before.balance, after.balance),
  };
}

/** The change per aspect from one cycle's shown scores to a later cycle's. */
export function changeSince(previous: Pick<Scores, "aspects">, current: Pick<Scores, "aspects">): Record<AspectKey, AspectChange> {
  const entries = ASPECT_KEYS.map((key) => [key, aspectChange(previous.aspects[key], current.aspects[key])]);
  return Object.fromEntries(entries) as Record<AspectKey, AspectChange>;
}
