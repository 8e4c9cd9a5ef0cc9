/**
 * A team's commitments on the teams page: how many actions the manager committed to after
 * the report before the cycle (those the cycle's opening froze, and whose follow-through its
 * survey asked about), and how often the team saw them practised.
 *
 * Each commitment's follow-through item passes the anonymity gate on its own, like a pole
 * score (lib/scoring `gateFollowThrough`): nothing when the team is below k, else only from
 * k non-empty answers. The row shows the mean of the items that pass, never anything of
 * those that do not: a hidden item is left out, not merged into the others. Its n is the
 * smallest n among them, as a heatmap cell's n is the smaller of its two poles' counts.
 */
import { formatScore } from "../format";
import { describeAbsence } from "../instrument";
import { seenWord } from "../follow-through";
import type { Moments } from "../scoring/stats";
import { gateFollowThrough, resolveThresholds, type Thresholds } from "../scoring/suppression";

/** What the teams page knows of a manager's commitments in one closed cycle. */
export interface CommitmentsInput {
  /** The manager's commitments the cycle's opening froze (made after the report before it). */
  readonly count: number;
  /**
   * Each one's follow-through answers in the cycle ("can't say" left out), or `null` when the
   * cycle's survey did not ask about them: it opened before the survey had follow-through.
   */
  readonly answers: readonly Moments[] | null;
}

/** Decimals the mean seen is shown with, on the page and in the export. */
export const FOLLOW_THROUGH_DIGITS = 1;

export const NO_COMMITMENTS: CommitmentsInput = { count: 0, answers: [] };

/** Why no follow-through is shown for a team that made commitments. */
export type FollowThroughHiddenReason =
  /** The team has fewer than k respondents. */
  | "team_below_threshold"
  /** No commitment has k non-empty answers. */
  | "below_threshold"
  /** The cycle opened before its survey asked about commitments. */
  | "not_asked";

export interface FollowThroughShown {
  readonly shown: true;
  /** The mean of the shown items' means, on the rating scale (1 never … 5 always). */
  readonly value: number;
  /** The smallest n among the shown items. */
  readonly n: number;
  /** How many of the commitments the value covers: those whose item is shown. */
  readonly covered: number;
}

/** A hidden follow-through: a reason, and no number at all. */
export interface FollowThroughHidden {
  readonly shown: false;
  readonly reason: FollowThroughHiddenReason;
  readonly value?: never;
  readonly n?: never;
  readonly covered?: never;
}

export type FollowThroughCell = FollowThroughShown | FollowThroughHidden;

/**
 * The follow-through of a team's commitments, gated with the cycle's thresholds and the
 * team's respondents; `null` when the manager made none.
 */
export function followThroughCell(input: CommitmentsInput, respondents: number, thresholds: Partial<Thresholds>): FollowThroughCell | null {
  if (input.count === 0) return null;
  if (respondents < resolveThresholds(thresholds).k) return { shown: false, reason: "team_below_threshold" };
  if (input.answers === null) return { shown: false, reason: "not_asked" };
  const shown = input.answers.map((moments) => gateFollowThrough(respondents, moments, thresholds)).flatMap((item) => (item.shown ? [item] : []));
  if (shown.length === 0) return { shown: false, reason: "below_threshold" };
  return {
    shown: true,
    value: shown.reduce((total, item) => total + item.value, 0) / shown.length,
    n: Math.min(...shown.map((item) => item.n)),
    covered: shown.length,
  };
}

const NOT_ASKED = "Not asked: this cycle opened before its survey asked about commitments.";

/** Why a follow-through is hidden, in the words of the other hidden values. */
export function followThroughAbsence(reason: FollowThroughHiddenReason, thresholds: Partial<Thresholds>): string {
  return reason === "not_asked" ? NOT_ASKED : describeAbsence(reason, thresholds);
}

const commitmentsWord = (count: number) => `${count} ${count === 1 ? "commitment" : "commitments"}`;

/** "the other has fewer than 3 answers", "the other 2 have fewer than 3 answers". */
function othersHidden(others: number, thresholds: Partial<Thresholds>): string {
  const { k } = resolveThresholds(thresholds);
  return others === 1 ? `the other has fewer than ${k} answers` : `the other ${others} have fewer than ${k} answers`;
}

/**
 * The cell in one sentence, for its tooltip and screen readers: "3 commitments, seen
 * practised rarely: 1.8 of 5 (n 5)."
 */
export function commitmentsSentence(count: number, cell: FollowThroughCell | null, thresholds: Partial<Thresholds>): string {
  if (cell === null) return "No commitment.";
  if (!cell.shown) {
    return `${commitmentsWord(count)}. How often the team saw ${count === 1 ? "it" : "them"} practised: ${followThroughAbsence(cell.reason, thresholds)}`;
  }
  const seen = `seen practised ${seenWord(cell.value)}: ${formatScore(cell.value, FOLLOW_THROUGH_DIGITS)} of 5 (n ${cell.n})`;
  if (cell.covered >= count) return `${commitmentsWord(count)}, ${seen}.`;
  return `${commitmentsWord(count)}, ${cell.covered} of them ${seen}; ${othersHidden(count - cell.covered, thresholds)}.`;
}

/**
 * Why a team's follow-through is empty or partial in the export, or `null` when there is
 * nothing to explain (no commitment, or every commitment's item shown).
 */
export function followThroughReason(count: number, cell: FollowThroughCell | null, thresholds: Partial<Thresholds>): string | null {
  if (cell === null) return null;
  if (!cell.shown) return `Follow-through: ${followThroughAbsence(cell.reason, thresholds)}`;
  if (cell.covered >= count) return null;
  return `Follow-through: covers ${cell.covered} of ${count} commitments; ${othersHidden(count - cell.covered, thresholds)}.`;
}
