import { LOPSIDED_GAP, SELF_GAP_THRESHOLD } from "./profile";
import { RATING_MAX, RATING_MIN } from "../aspects";
import { DISAGREEMENT_SD } from "./stats";
import { DEFAULT_COMMENT_THRESHOLD, DEFAULT_K, MIN_K } from "./suppression";

export type ScoreDefinitionKey =
  | "pole_score"
  | "cant_say"
  | "spread"
  | "balance"
  | "overall_balance"
  | "versatility"
  | "lopsided"
  | "team_need"
  | "self_gap"
  | "situational_target"
  | "fit_gap"
  | "change"
  | "anonymity";

/** One score, described for the "How scores work" page: its formula and what it means. */
export interface ScoreDefinition {
  readonly key: ScoreDefinitionKey;
  readonly name: string;
  readonly formula: string;
  readonly description: string;
}

/**
 * Every score in words, in the order a reader meets them. The numbers in the text come
 * from the same constants the code uses, so the page cannot drift from the maths.
 */
export const SCORE_DEFINITIONS: readonly ScoreDefinition[] = [
  {
    key: "pole_score",
    name: "Managing score (M) and leading score (L)",
    formula: "M = average of the managing ratings; L = average of the leading ratings",
    description:
      "For each aspect, your reps rate how often they see the managing behaviour and how often they see the leading behaviour, from 1 (never) to 5 (always). Each score is the plain average of those ratings. Your own self-assessment is shown next to it but never mixed in.",
  },
  {
    key: "cant_say",
    name: '"Can\'t say"',
    formula: "left out of every count and average",
    description:
      'A rep who has not seen enough to judge can answer "can\'t say". That answer counts for nothing: it is not a low score and it does not add to n. Someone who answers "can\'t say" everywhere still counts as having taken part.',
  },
  {
    key: "spread",
    name: "Spread and confidence",
    formula: `SD = √( Σ(x − average)² / (n − 1) ); 95% interval = average ± t × SD / √n, with t from Student's t for n − 1 degrees of freedom, cut at ${RATING_MIN} and ${RATING_MAX}`,
    description: `n is how many people gave a rating. The standard deviation (SD) shows how much they agree: small means similar answers, and from ${DISAGREEMENT_SD} up the report says the team disagrees, because some see the behaviour often and others rarely. The 95% interval shows how sure the average is: the team's true average most likely lies inside it. It is wide with few people or much disagreement, so read small differences with care. No average can leave the ${RATING_MIN}–${RATING_MAX} scale, so an interval that would is cut at its end, and the report says so. When everyone gave the same answer, the report says that instead of showing an interval of no width.`,
  },
  {
    key: "balance",
    name: "Balance (b)",
    formula: "b = (L − M) / 4, from −1 to +1",
    description:
      "Where an aspect sits between managing and leading. Below 0 it leans toward managing, above 0 toward leading, and 0 means both poles are rated the same. It is shown only when both M and L are shown.",
  },
  {
    key: "overall_balance",
    name: "Overall balance (B)",
    formula: "B = average of b over the aspects that have one",
    description: "Your lean across the whole profile. Aspects without enough answers are left out, not counted as 0.",
  },
  {
    key: "versatility",
    name: "Versatility",
    formula: "versatility = (M + L) / 2, from 1 to 5; overall = average over the aspects that have one",
    description:
      "How much of both sides you show. Balance alone cannot tell a manager who is strong on both poles from one who is weak on both; versatility can. High versatility is the goal.",
  },
  {
    key: "lopsided",
    name: "Lopsided aspect",
    formula: `|L − M| ≥ ${LOPSIDED_GAP}`,
    description: `An aspect is lopsided when one pole is rated at least ${LOPSIDED_GAP} point above the other. The stronger side is working; the other is being left out.`,
  },
  {
    key: "team_need",
    name: "Team need",
    formula: "average of the need answers, from −2 (much more managing) to +2 (much more leading)",
    description:
      "What your reps say the team needs more of from you right now. 0 means keep the current balance. It is a request for change, not a rating of how you do today.",
  },
  {
    key: "self_gap",
    name: "Self gap",
    formula: `self gap = your own rating − the team's average, per pole; blind spot when ≥ +${SELF_GAP_THRESHOLD}, hidden strength when ≤ −${SELF_GAP_THRESHOLD}`,
    description:
      "How your view of yourself differs from your team's. A blind spot is behaviour you believe you show more than your team sees. A hidden strength is behaviour your team values more than you give yourself credit for.",
  },
  {
    key: "situational_target",
    name: "Situational target (T)",
    formula: "T = (leading situations − managing situations) / (leading situations + managing situations); T = 0 when none is marked",
    description:
      "Your director marks which of ten situations apply to your team. Five favour managing (for example a large team or a regulated industry) and five favour leading (for example a period of change or a market where innovation matters). T is where the balance would sit if it followed the situation alone.",
  },
  {
    key: "fit_gap",
    name: "Fit gap",
    formula: "fit gap = B − T",
    description:
      "How far your overall balance is from your team's situational target. Positive means you lean further toward leading than the situation asks; negative means further toward managing.",
  },
  {
    key: "change",
    name: "Change since the previous cycle",
    formula:
      "change = this cycle − the previous one; 95% interval of the change by Welch's t-test; a clear change when that interval leaves out 0, otherwise no clear change",
    description:
      "Scores move a little from cycle to cycle even when nothing changed, because different people answer and answers vary. A change is called a rise or a fall only when it is larger than that noise; otherwise the report says there is no clear change, however large the number looks. For a balance, the noise is measured on each person's own answers, since the same person rates both sides. When fewer than half of the people who answered this time also answered the previous cycle, the report says so: the change may then be about who answered more than about the manager. That count is made only when both cycles have enough answers to show.",
  },
  {
    key: "anonymity",
    name: "When a score is not shown",
    formula: `shown only with at least k answers (k = ${DEFAULT_K} by default, never below ${MIN_K}); comments only with at least ${DEFAULT_COMMENT_THRESHOLD} by default, never below k`,
    description:
      "A team's results appear only when at least k reps answered, and each score only when at least k of them gave a rating for it. Anything below that is hidden, never shown as 0 and never merged into a bigger group. Comments have a threshold of their own and appear in random order. Figures for several teams include only teams that reach k by themselves.",
  },
];
