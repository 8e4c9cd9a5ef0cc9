import type { Pole } from "../aspects";
import { type SelfAspect, type SelfGap, selfGap } from "../scoring/profile";
import type { AspectReport, Gated, Statistic } from "../scoring/suppression";

/** One pole of one aspect as the team sees it and as the manager sees themselves. */
export interface PoleComparison {
  readonly team: Gated<Statistic>;
  /** The manager's own rating, or `null` for "can't say" or no self-assessment. */
  readonly self: number | null;
  /** Self minus team, only when both are there. */
  readonly gap: SelfGap | null;
}

export function comparePole(team: AspectReport, self: SelfAspect | null, pole: Pole): PoleComparison {
  const teamValue = team[pole];
  const selfValue = self?.[pole] ?? null;
  const gap = teamValue.shown && selfValue !== null ? selfGap(selfValue, teamValue.value) : null;
  return { team: teamValue, self: selfValue, gap };
}
