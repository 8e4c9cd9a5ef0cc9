/**
 * The key takeaways at the top of a manager's report: a handful of plain sentences, each
 * with the figures behind it kept apart, so that the sentence reads without symbols or
 * numbers and the numbers are one click away. The words come from lib/vocabulary and follow
 * the thresholds the rest of the report uses (`leanOf`, `HIGH_VERSATILITY`,
 * `BUILD_BOTH_BELOW`, `SELF_GAP_THRESHOLD` through `comparePole`, `OVERALL_LOPSIDED_BALANCE`),
 * so a takeaway never says something the sections below it contradict. They speak to the
 * manager ("Your team sees you …") or, to a director, about them ("The team sees Grace …").
 */
import { ASPECT_KEYS, type AspectKey, type Pole, POLES, RATING_MAX } from "../aspects";
import { formatScore, formatSigned } from "../format";
import { en } from "../instrument/en";
import type { InstrumentText } from "../instrument/types";
import type { DevelopmentPlan } from "../recommendations";
import { DIRECTION_LABELS } from "../recommendations/library";
import { BUILD_BOTH_BELOW, type Recommendation } from "../recommendations/ranking";
import { atLeast, type SelfAspect } from "../scoring/profile";
import type { Gated, Scores, Statistic } from "../scoring/suppression";
import { capitalised, overallLeanWords, type ReportVoice, situationWords, versatilityWords } from "../vocabulary";
import { comparePole } from "./self-view";
import { statisticText } from "./statistic-text";
import { moveReason } from "./suggestions";
import { HIGH_VERSATILITY } from "./summary";

/** In the order the report shows them, which is the order of issue #19. */
export const TAKEAWAY_KINDS = ["overall", "strength", "opportunity", "blind_spot", "focus"] as const;
export type TakeawayKind = (typeof TAKEAWAY_KINDS)[number];

export interface Takeaway {
  readonly kind: TakeawayKind;
  /** Plain words, to the manager or about them, with no number and no symbol (B, b, T, k). */
  readonly sentence: string;
  /** The figures behind the sentence, rounded as everywhere else in the report, each symbol named. */
  readonly numbers: string;
  /** For the suggested focus: the id of the matching card under "What to practise next". */
  readonly actionAnchor?: string;
}

export interface TakeawaysInput {
  /** The team's scores as shown, after suppression. */
  readonly scores: Pick<Scores, "aspects" | "balance" | "versatility">;
  /** The manager's self-assessment (`selfProfile`), or `null` when there is none. */
  readonly self: Readonly<Record<AspectKey, SelfAspect>> | null;
  /** The situational target T, or `null` when no situation is marked for the team. */
  readonly target: number | null;
  /** The development plan the report shows under "What to practise next". */
  readonly plan: Pick<DevelopmentPlan, "actions">;
  /** Who the sentences are about: "you" for the manager, their first name for a director. */
  readonly voice: ReportVoice;
}

/** The id of a development action's card, which the suggested focus links to. */
export function actionAnchorId(actionId: string): string {
  return `action-${actionId}`;
}

const lowerFirst = (words: string) => words.charAt(0).toLowerCase() + words.slice(1);
const poleWord = (pole: Pole, text: InstrumentText) => text.poles[pole].name.toLowerCase();

/** "the leading side of Motivation (growth, recognition and purpose)", in the instrument's words. */
function behaviour(aspect: AspectKey, pole: Pole, text: InstrumentText): string {
  return `the ${poleWord(pole, text)} side of ${text.aspects[aspect].name} (${lowerFirst(text.aspects[aspect][pole].label)})`;
}

/** "Managing on Communication style", as the numbers name a score. */
function scoreName(aspect: AspectKey, pole: Pole, text: InstrumentText): string {
  return `${text.poles[pole].name} on ${text.aspects[aspect].name}`;
}

function overallTakeaway({ scores, target, voice }: TakeawaysInput): Takeaway | null {
  const { balance, versatility } = scores;
  if (!balance.shown) return null;
  let sentence = `${capitalised(voice.team)} sees ${voice.person} ${overallLeanWords(balance.value)}`;
  if (target !== null) sentence += `, ${situationWords(balance.value, target)}`;
  sentence += ".";
  // Only the ends of the scale are worth a sentence here; the summary below gives every value its words.
  if (versatility.shown && (atLeast(versatility.value, HIGH_VERSATILITY) || versatility.value < BUILD_BOTH_BELOW)) {
    sentence += ` They see ${versatilityWords(versatility.value)}.`;
  }

  const numbers = [`Overall balance B ${formatSigned(balance.value, 2)}, the mean of ${balance.aspects} of ${ASPECT_KEYS.length} aspects`];
  if (versatility.shown) numbers.push(`versatility ${formatScore(versatility.value)} of ${RATING_MAX}`);
  numbers.push(
    target === null
      ? "no situation marked, so no target"
      : `situational target T ${formatSigned(target, 2)}, fit gap B − T ${formatSigned(balance.value - target, 2)}`,
  );
  return { kind: "overall", sentence, numbers: numbers.join("; ") };
}

interface PoleScore {
  readonly aspect: AspectKey;
  readonly pole: Pole;
  readonly statistic: Statistic;
}

function shownPoleScores(scores: TakeawaysInput["scores"]): PoleScore[] {
  return ASPECT_KEYS.flatMap((aspect) =>
    POLES.flatMap((pole) => {
      const statistic = scores.aspects[aspect][pole];
      return statistic.shown ? [{ aspect, pole, statistic }] : [];
    }),
  );
}

/** The highest shown pole score; a tie goes to the first in instrument order, managing before leading. */
function strengthTakeaway({ scores, voice }: TakeawaysInput, text: InstrumentText): Takeaway | null {
  const shown = shownPoleScores(scores);
  const best = shown.reduce<PoleScore | null>((top, score) => (top === null || score.statistic.value > top.statistic.value ? score : top), null);
  if (best === null) return null;
  return {
    kind: "strength",
    sentence: `${capitalised(voice.possessive)} clearest strength is ${behaviour(best.aspect, best.pole, text)}, the behaviour ${voice.team} sees most often.`,
    numbers: `${scoreName(best.aspect, best.pole, text)}: ${statisticText(best.statistic)}; the highest of ${shown.length} scores shown`,
  };
}

/** A shown score with its n, SD and interval; a hidden one (a team need, say) as "not shown". */
function scoreText(statistic: Gated<Statistic>, signed = false): string {
  return statistic.shown ? statisticText(statistic, signed) : "not shown";
}

function opportunityTakeaway({ scores, target, voice }: TakeawaysInput, pick: Recommendation, text: InstrumentText): Takeaway {
  const name = text.aspects[pick.aspect].name;
  const aspect = scores.aspects[pick.aspect];
  const opportunity = `${capitalised(voice.possessive)} biggest opportunity is`;
  let sentence: string;
  if (pick.direction === "build_both") {
    sentence = `${opportunity} ${name}: ${voice.team} sees too little of either side there, so build both.`;
  } else {
    const pole: Pole = pick.direction === "more_leading" ? "leadership" : "management";
    sentence = `${opportunity} more of ${behaviour(pick.aspect, pole, text)}: ${moveReason(pick, target, voice)}.`;
  }
  const parts = [
    `${name}: managing ${scoreText(aspect.management)}, leading ${scoreText(aspect.leadership)}`,
    `balance b ${formatSigned(pick.numbers.balance, 2)}`,
    `team need ${scoreText(aspect.need, true)}`,
  ];
  if (target !== null) parts.push(`situational target T ${formatSigned(target, 2)}`);
  return { kind: "opportunity", sentence, numbers: parts.join("; ") };
}

/** The largest self − team gap that makes a blind spot; a tie goes to the first in instrument order. */
function blindSpotTakeaway({ scores, self, voice }: TakeawaysInput, text: InstrumentText): Takeaway | null {
  if (self === null) return null;
  let largest: { aspect: AspectKey; pole: Pole; self: number; team: Statistic; gap: number } | null = null;
  for (const aspect of ASPECT_KEYS) {
    for (const pole of POLES) {
      const { team, self: own, gap } = comparePole(scores.aspects[aspect], self[aspect], pole);
      if (gap?.kind !== "blind_spot" || !team.shown || own === null) continue;
      if (largest === null || gap.gap > largest.gap) largest = { aspect, pole, self: own, team, gap: gap.gap };
    }
  }
  if (largest === null) return null;
  return {
    kind: "blind_spot",
    sentence: `${capitalised(voice.possessive)} largest blind spot is ${behaviour(largest.aspect, largest.pole, text)}: ${voice.person} rated it much higher than ${voice.team} did.`,
    numbers: `${scoreName(largest.aspect, largest.pole, text)}: self ${largest.self}, team ${statisticText(largest.team)}; self − team ${formatSigned(largest.gap)}`,
  };
}

function focusTakeaway({ voice }: TakeawaysInput, pick: Recommendation, count: number, text: InstrumentText): Takeaway {
  const { priority, pull, weakness } = pick.numbers;
  return {
    kind: "focus",
    sentence: `${capitalised(voice.possessive)} suggested focus: ${pick.action.text}`,
    numbers: `Ranked first of ${count} suggested actions, for ${text.aspects[pick.aspect].name} (${DIRECTION_LABELS[pick.direction].toLowerCase()}): priority ${formatScore(priority, 2)}, from pull ${formatSigned(pull, 2)} and weakness ${formatScore(weakness, 2)}`,
    actionAnchor: actionAnchorId(pick.action.id),
  };
}

/**
 * What a manager should take away from their report, in this order: how the team sees them
 * overall (when an overall balance is shown), their clearest strength (the highest shown
 * pole score), the biggest opportunity (the top-ranked recommendation's aspect and
 * direction), the largest blind spot (only when a self rating is at least
 * `SELF_GAP_THRESHOLD` above the team's), and the suggested focus (the top recommendation's
 * action, with the anchor of its card). A takeaway with nothing behind it is left out, so
 * the list has at most five items and may be empty.
 */
export function keyTakeaways(input: TakeawaysInput, text: InstrumentText = en): Takeaway[] {
  const [top] = input.plan.actions;
  const takeaways = [
    overallTakeaway(input),
    strengthTakeaway(input, text),
    top ? opportunityTakeaway(input, top, text) : null,
    blindSpotTakeaway(input, text),
    top ? focusTakeaway(input, top, input.plan.actions.length, text) : null,
  ];
  return takeaways.filter((takeaway) => takeaway !== null);
}
