/**
 * Which three aspects a manager should work on next, and in which direction.
 *
 * For each aspect whose M and L are both shown (b = (L − M) / 4, need ν in [−2, +2] or
 * absent, situational target T in [−1, +1]):
 *
 *   pull     = W_need · ν / 2 + W_target · (T − b)          (ν absent counts as 0)
 *   direction = build both     when M < 3 and L < 3
 *             = more leading   when pull > 0
 *             = more managing  when pull < 0
 *             = toward the lower pole when pull = 0 (managing when M = L)
 *   weakness = (5 − P) / 4, where P is L for more leading, M for more managing and
 *              (M + L) / 2 for build both
 *   priority = |pull| + W_weak · weakness
 *
 * with W_need = 1, W_target = 0.5, W_weak = 1, so each of the three parts counts for at
 * most one point. The need is a request for change ("more of"), so it pulls on its own;
 * the target is a position, so it pulls by its distance from the current balance.
 * Aspects are ranked by priority, highest first; ties go to the aspect that comes first
 * in the instrument. The ranking is deterministic and, for a fixed direction, priority
 * only grows as the need moves toward that direction's pole.
 */
import { ASPECT_KEYS, type AspectKey, RATING_MAX, RATING_MIN } from "../aspects";
import { displayedSign, formatScore, formatSigned } from "../format";
import { en } from "../instrument/en";
import type { InstrumentText } from "../instrument/types";
import { balance } from "../scoring/profile";
import type { Scores } from "../scoring/suppression";
import { type Action, ACTIONS, type Direction } from "./library";

export const RANKING_WEIGHTS = { need: 1, target: 0.5, weakness: 1 } as const;
/** Both poles below this (the middle of the scale) means low versatility: build both. */
export const BUILD_BOTH_BELOW = 3;

const SCALE_SPAN = RATING_MAX - RATING_MIN;

/** The shown numbers of one aspect that the ranking works from. */
export interface RankingInput {
  readonly aspect: AspectKey;
  readonly management: number;
  readonly leadership: number;
  /** The team need, or `null` when it is not shown. */
  readonly need: number | null;
}

/** Every number behind a pick, full precision, ready to format and show. */
export interface RankingNumbers {
  readonly management: number;
  readonly leadership: number;
  readonly balance: number;
  readonly need: number | null;
  readonly target: number;
  readonly pull: number;
  readonly weakness: number;
  readonly priority: number;
}

export interface RankedAspect {
  readonly aspect: AspectKey;
  readonly direction: Direction;
  readonly numbers: RankingNumbers;
}

function directionOf(management: number, leadership: number, pull: number): Direction {
  if (management < BUILD_BOTH_BELOW && leadership < BUILD_BOTH_BELOW) return "build_both";
  if (pull > 0) return "more_leading";
  if (pull < 0) return "more_managing";
  return leadership < management ? "more_leading" : "more_managing";
}

function weakPole(direction: Direction, management: number, leadership: number): number {
  if (direction === "more_leading") return leadership;
  if (direction === "more_managing") return management;
  return (management + leadership) / 2;
}

/** The priority of one aspect, with its direction and the numbers behind it. */
export function prioritise(input: RankingInput, target: number): RankedAspect {
  const { aspect, management, leadership, need } = input;
  const b = balance(management, leadership);
  const pull = RANKING_WEIGHTS.need * ((need ?? 0) / 2) + RANKING_WEIGHTS.target * (target - b);
  const direction = directionOf(management, leadership, pull);
  const weakness = (RATING_MAX - weakPole(direction, management, leadership)) / SCALE_SPAN;
  const priority = Math.abs(pull) + RANKING_WEIGHTS.weakness * weakness;
  return {
    aspect,
    direction,
    numbers: { management, leadership, balance: b, need, target, pull, weakness, priority },
  };
}

/** All given aspects, highest priority first; ties in instrument order. */
export function rankAspects(inputs: readonly RankingInput[], target: number): RankedAspect[] {
  const order = (aspect: AspectKey) => ASPECT_KEYS.indexOf(aspect);
  return inputs.map((input) => prioritise(input, target)).sort((a, b) => b.numbers.priority - a.numbers.priority || order(a.aspect) - order(b.aspect));
}

/** The ranking inputs of a suppressed report: aspects with both poles shown. */
export function rankingInputs(scores: Pick<Scores, "aspects">): RankingInput[] {
  return ASPECT_KEYS.flatMap((aspect) => {
    const { management, leadership, need } = scores.aspects[aspect];
    if (!management.shown || !leadership.shown) return [];
    return [{ aspect, management: management.value, leadership: leadership.value, need: need.shown ? need.value : null }];
  });
}

const NEED_REQUEST: Readonly<Record<-1 | 0 | 1, string>> = {
  [-1]: "asks for more managing",
  0: "asks you to keep the balance",
  1: "asks for more leading",
};

/** "Your team rates Motivation M 4.3 / L 2.1 and asks for more leading (+1.2)." and context. */
export function explainPick(pick: RankedAspect, text: InstrumentText = en): string {
  const { management, leadership, need, target, balance: b } = pick.numbers;
  const name = text.aspects[pick.aspect].name;
  let sentence = `Your team rates ${name} M ${formatScore(management)} / L ${formatScore(leadership)}`;
  if (need !== null) {
    // Worded from the sign the reader sees, so "more leading (0.0)" never appears.
    sentence += ` and ${NEED_REQUEST[displayedSign(need)]} (${formatSigned(need)})`;
  }
  sentence += ".";
  if (pick.direction === "build_both") {
    sentence += ` Both are below ${BUILD_BOTH_BELOW}, so build both.`;
  } else if (target !== 0) {
    const situation = `The team's situation calls for a balance of ${formatSigned(target, 2)}`;
    sentence += ` ${situation}; this aspect is at ${formatSigned(b, 2)}.`;
  }
  return sentence;
}

export interface Recommendation extends RankedAspect {
  /** 1 for the top pick. */
  readonly rank: number;
  readonly action: Action;
  /** The other actions for the same aspect and direction, for "show me another". */
  readonly alternatives: readonly Action[];
  readonly sentence: string;
}

/** The top `count` aspects of a report, each with an action and the sentence behind it. */
export function recommend(scores: Pick<Scores, "aspects">, target: number, count = 3, text: InstrumentText = en): Recommendation[] {
  return rankAspects(rankingInputs(scores), target)
    .slice(0, Math.max(0, Math.floor(count)))
    .map((pick, index) => {
      const [action, ...alternatives] = ACTIONS[pick.aspect][pick.direction];
      return { ...pick, rank: index + 1, action, alternatives, sentence: explainPick(pick, text) };
    });
}

/** The ranking in plain words, for the "How scores work" page. Built from the weights above. */
export const RANKING_DESCRIPTION = {
  summary:
    "Your three development actions come from the aspects where a change would help most. Each aspect with both a managing and a leading score gets a priority made of three parts, each worth at most one point.",
  formula: `priority = |${RANKING_WEIGHTS.need} × need / 2 + ${RANKING_WEIGHTS.target} × (T − b)| + ${RANKING_WEIGHTS.weakness} × (5 − P) / 4`,
  steps: [
    `Team need: half the team's average need answer, so −2 … +2 becomes −1 … +1, weighted ×${RANKING_WEIGHTS.need}. It is already a request to move, so it counts as it is. A need that is not shown counts as 0.`,
    `Situation: how far the aspect's balance b is from the team's situational target T, that is T − b, weighted ×${RANKING_WEIGHTS.target}.`,
    "Together these make the pull. A positive pull points toward more leading, a negative one toward more managing; with no pull at all, it points toward the lower of the two poles.",
    `Weakness: how low the pole you are pulled toward is, (5 − P) / 4, weighted ×${RANKING_WEIGHTS.weakness}. P is L for more leading and M for more managing.`,
    `When both M and L are below ${BUILD_BOTH_BELOW}, the action is to build both, and P is the average of M and L.`,
    "Priority is the size of the pull plus the weakness. The three aspects with the highest priority get an action each; a tie goes to the aspect that comes first in the survey.",
  ],
} as const;
