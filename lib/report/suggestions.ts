/**
 * Why each suggested action was picked: in a sentence for the reader, and as the ranking's
 * numbers, each named with its symbol and what it means, for the table twin beside it.
 */
import { NEED_MAX, NEED_MIN, type Pole, RATING_MAX, RATING_MIN } from "../aspects";
import { formatScore, formatSigned } from "../format";
import { type Direction, RANKING_WEIGHTS, type Recommendation } from "../recommendations";
import { BALANCE_SCALE, capitalised, type ReportVoice, SCORE_NAMES, versatilityWords } from "../vocabulary";
import { type Lean, leanOf } from "./summary";

const TOWARD: Record<Exclude<Direction, "build_both">, { pole: Pole; lean: Exclude<Lean, "balanced">; other: Exclude<Lean, "balanced"> }> = {
  more_leading: { pole: "leadership", lean: "leading", other: "managing" },
  more_managing: { pole: "management", lean: "managing", other: "leading" },
};

/**
 * Why a pick that moves toward one side points there, from the same numbers the ranking
 * used: "your team asks for it, and so does their situation". `what` names the move
 * ("it", or "more leading here").
 */
export function moveReason(pick: Recommendation, target: number | null, voice: ReportVoice, what = "it"): string {
  if (pick.direction === "build_both") return `${voice.team} sees ${versatilityWords((pick.numbers.management + pick.numbers.leadership) / 2)} here`;
  const { lean } = TOWARD[pick.direction];
  const { management, leadership, need, balance } = pick.numbers;
  // A need on −2…+2 is read on the balance's scale, as the balance summary reads it.
  const asked = need !== null && leanOf(need / 2) === lean;
  const called = target !== null && leanOf(target - balance) === lean;
  if (asked && called) return `${voice.team} asks for ${what}, and so does their situation`;
  if (asked) return `${voice.team} asks for ${what}`;
  if (called) return `${voice.team}'s situation calls for ${what}`;
  const [mine, other] = lean === "leading" ? [leadership, management] : [management, leadership];
  return mine < other ? `it is the side ${voice.team} sees less of` : "this is where a change would help most";
}

/**
 * The sentence on a suggested action's card, e.g. "Suggested because your team asks for
 * more leading here, and so does their situation. Your team rates leading here 2.1 of 5,
 * and managing 4.3."
 */
export function suggestionSentence(pick: Recommendation, target: number | null, voice: ReportVoice): string {
  const management = formatScore(pick.numbers.management);
  const leadership = formatScore(pick.numbers.leadership);
  if (pick.direction === "build_both") {
    return `Suggested because ${moveReason(pick, target, voice)}: they rate managing here ${management} of ${RATING_MAX}, and leading ${leadership}.`;
  }
  const { lean, other } = TOWARD[pick.direction];
  const [mine, theirs] = lean === "leading" ? [leadership, management] : [management, leadership];
  const reason = moveReason(pick, target, voice, `more ${lean} here`);
  return `Suggested because ${reason}. ${capitalised(voice.team)} rates ${lean} here ${mine} of ${RATING_MAX}, and ${other} ${theirs}.`;
}

/** One number behind a suggestion, as the table twin shows it: named with its symbol, and explained. */
export interface SuggestionNumber {
  readonly name: string;
  readonly value: string;
  readonly meaning: string;
}

/** How many points the rating scale spans: a balance and a weakness divide by it. */
const SCALE_SPAN = RATING_MAX - RATING_MIN;

const SIDE_TO_BUILD: Record<Direction, string> = {
  more_leading: "P is leading, L",
  more_managing: "P is managing, M",
  build_both: "P is the average of M and L",
};

/** The ranking's numbers for one pick, from the team's scores to its priority. */
export function suggestionNumbers(pick: Recommendation, target: number | null): SuggestionNumber[] {
  const { management, leadership, balance, need, pull, weakness, priority } = pick.numbers;
  const scale = `the team's average, ${RATING_MIN} (never) to ${RATING_MAX} (always)`;
  const { need: needWeight, target: targetWeight, weakness: weaknessWeight } = RANKING_WEIGHTS;
  return [
    { name: "Managing M", value: formatScore(management), meaning: scale },
    { name: "Leading L", value: formatScore(leadership), meaning: scale },
    { name: "Balance b", value: formatSigned(balance, 2), meaning: `(L − M) / ${SCALE_SPAN}, ${BALANCE_SCALE}` },
    {
      name: "Team need",
      value: need === null ? "not shown, counted as 0" : formatSigned(need),
      meaning: `the move the team asks for, ${formatSigned(NEED_MIN, 0)} (more managing) to ${formatSigned(NEED_MAX, 0)} (more leading)`,
    },
    {
      name: "Target T",
      value: target === null ? "no situation marked, counted as 0" : formatSigned(target, 2),
      meaning: `${SCORE_NAMES.target}, ${BALANCE_SCALE}`,
    },
    {
      name: "Pull",
      value: formatSigned(pull, 2),
      meaning: `${needWeight} × need / 2 + ${targetWeight} × (T − b): toward leading when positive, toward managing when negative`,
    },
    {
      name: "Weakness",
      value: formatScore(weakness, 2),
      meaning: `(${RATING_MAX} − P) / ${SCALE_SPAN}, where ${SIDE_TO_BUILD[pick.direction]}: the less the team sees of the side to build, the higher`,
    },
    { name: "Priority", value: formatScore(priority, 2), meaning: `the size of the pull plus ${weaknessWeight} × weakness; the three highest are suggested` },
  ];
}
