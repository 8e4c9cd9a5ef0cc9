/**
 * The team debrief: what the team said, in aggregates a manager can hand back to the team.
 * Never a comment and never anything below the anonymity threshold: a hidden value says so.
 */
import { ASPECT_KEYS, type AspectKey } from "../aspects";
import { formatScore } from "../format";
import { describeAbsence } from "../instrument";
import { en } from "../instrument/en";
import type { InstrumentText } from "../instrument/types";
import type { Gated, Scores, Statistic, Thresholds } from "../scoring/suppression";
import { leanOf } from "./summary";

export interface DebriefRow {
  readonly aspect: AspectKey;
  readonly name: string;
  /** "4.3 of 5 (n 6)", or why it is not shown. */
  readonly managing: string;
  readonly leading: string;
  /** "More leading", "More managing", "The same balance", or why it is not shown. */
  readonly asked: string;
}

function scoreCell(score: Gated<Statistic>, thresholds: Thresholds): string {
  return score.shown ? `${formatScore(score.value)} of 5 (n ${score.n})` : describeAbsence(score.reason, thresholds);
}

const ASKED: Record<ReturnType<typeof leanOf>, string> = { managing: "More managing", balanced: "The same balance", leading: "More leading" };

function askedCell(need: Gated<Statistic>, thresholds: Thresholds): string {
  // The need runs from −2 to +2: halved, it reads on the same scale as a balance.
  return need.shown ? ASKED[leanOf(need.value / 2)] : describeAbsence(need.reason, thresholds);
}

/** One row per aspect: how often the team sees each side, and what it asked for. */
export function debriefRows(scores: Pick<Scores, "aspects">, thresholds: Thresholds, text: InstrumentText = en): DebriefRow[] {
  return ASPECT_KEYS.map((key) => {
    const aspect = scores.aspects[key];
    return {
      aspect: key,
      name: text.aspects[key].name,
      managing: scoreCell(aspect.management, thresholds),
      leading: scoreCell(aspect.leadership, thresholds),
      asked: askedCell(aspect.need, thresholds),
    };
  });
}

const OVERALL: Record<ReturnType<typeof leanOf>, string> = {
  managing: "Overall, you see me leaning toward managing: keeping things on track more than setting direction.",
  balanced: "Overall, you see me balancing managing and leading.",
  leading: "Overall, you see me leaning toward leading: setting direction more than keeping things on track.",
};

/** The overall lean in the manager's own voice, to the team; `null` when no balance is shown. */
export function debriefOverall(scores: Pick<Scores, "balance">): string | null {
  return scores.balance.shown ? OVERALL[leanOf(scores.balance.value)] : null;
}
