import { ASPECT_KEYS, type AspectKey } from "../aspects";
import { atLeast, LOPSIDED_GAP } from "../scoring/profile";
import type { Scores } from "../scoring/suppression";

/** Which pole a profile leans on too heavily. */
export type Lean = "management_heavy" | "leadership_heavy";

/** A risk of leaning too far one way, from the cons the source article lists. */
export interface Risk {
  readonly id: string;
  readonly lean: Lean;
  readonly title: string;
  readonly text: string;
  /** Aspects whose lopsidedness toward `lean` raises this risk on its own. */
  readonly aspects: readonly AspectKey[];
}

export const RISKS: readonly Risk[] = [
  {
    id: "limited_innovation",
    lean: "management_heavy",
    title: "Limited innovation",
    text: "Keeping things as they are can leave the team slow to adapt when the market shifts and unlikely to try better approaches.",
    aspects: ["adaptability", "decision_making"],
  },
  {
    id: "rigidity",
    lean: "management_heavy",
    title: "Rigidity",
    text: "Little openness to new ideas, or to change of any kind, makes it hard to keep up with competitors and with what customers now expect.",
    aspects: ["adaptability", "communication"],
  },
  {
    id: "low_engagement",
    lean: "management_heavy",
    title: "Short-term drive, low engagement",
    text: "Bonuses and incentives buy results this quarter but do little for commitment and loyalty over time.",
    aspects: ["motivation", "communication"],
  },
  {
    id: "limited_growth",
    lean: "management_heavy",
    title: "Limited personal growth",
    text: "Training only for targets leaves little room for people to develop their own talents, and the best may look for that elsewhere.",
    aspects: ["development"],
  },
  {
    id: "tasks_over_relationships",
    lean: "management_heavy",
    title: "Tasks over relationships",
    text: "Attention to tasks and activity can crowd out strong customer relationships and a culture that puts the customer first.",
    aspects: ["focus", "conflict_resolution"],
  },
  {
    id: "less_structure",
    lean: "leadership_heavy",
    title: "Too little structure",
    text: "With vision and change up front, some people struggle to know what exactly is expected of them from day to day.",
    aspects: ["focus", "communication", "adaptability"],
  },
  {
    id: "misalignment",
    lean: "leadership_heavy",
    title: "Misalignment",
    text: "Without clear, measurable goals the team can drift away from the company's priorities.",
    aspects: ["focus", "motivation"],
  },
  {
    id: "weak_monitoring",
    lean: "leadership_heavy",
    title: "Weak performance monitoring",
    text: "With the weight on empowerment and growth, results are checked less closely and under-performance can go unnoticed.",
    aspects: ["development", "decision_making"],
  },
  {
    id: "slow_subjective_decisions",
    lean: "leadership_heavy",
    title: "Slower, less predictable decisions",
    text: "Deciding by intuition and by consensus can make decisions take longer and their outcomes harder to foresee.",
    aspects: ["decision_making", "conflict_resolution"],
  },
  {
    id: "accountability_slips",
    lean: "leadership_heavy",
    title: "Accountability slipping",
    text: "Nurturing people while holding them to their results is a hard balance; when it tips, accountability goes first.",
    aspects: ["development", "conflict_resolution"],
  },
];

/**
 * A profile as a whole is strongly lopsided when its overall balance is at least this
 * far from 0: on average, one pole is rated a full lopsided gap above the other.
 */
export const OVERALL_LOPSIDED_BALANCE = LOPSIDED_GAP / 4;

export interface TriggeredRisk {
  readonly risk: Risk;
  /** True when the overall balance alone raises the risk. */
  readonly overall: boolean;
  /** The lopsided aspects, in instrument order, that raise the risk. */
  readonly aspects: readonly AspectKey[];
}

function leanOf(value: number, threshold: number): Lean | null {
  if (atLeast(-value, threshold)) return "management_heavy";
  if (atLeast(value, threshold)) return "leadership_heavy";
  return null;
}

/**
 * The risks a profile shows, from shown values only: all risks of a lean when the
 * overall balance is strongly lopsided that way, plus each risk tied to an aspect that is
 * lopsided that way. In library order.
 */
export function risksFor(scores: Pick<Scores, "aspects" | "balance">): TriggeredRisk[] {
  const overallLean = scores.balance.shown ? leanOf(scores.balance.value, OVERALL_LOPSIDED_BALANCE) : null;
  const aspectLeans = new Map<AspectKey, Lean>();
  for (const key of ASPECT_KEYS) {
    const b = scores.aspects[key].balance;
    // `lopsided` already allows for rounding in |L − M| ≥ 1; the sign gives the lean.
    if (b.shown && b.lopsided) aspectLeans.set(key, b.value < 0 ? "management_heavy" : "leadership_heavy");
  }
  return RISKS.flatMap((risk) => {
    const overall = overallLean === risk.lean;
    const aspects = ASPECT_KEYS.filter((key) => risk.aspects.includes(key) && aspectLeans.get(key) === risk.lean);
    return overall || aspects.length > 0 ? [{ risk, overall, aspects }] : [];
  });
}
