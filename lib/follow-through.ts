/**
 * Follow-through: the cycle after a manager committed to actions asks their reps, for each
 * one, "Since <the last cycle>, how often have you seen <manager> <action>?" on the rating
 * scale, or "can't say". The answers are sealed and kept like every other item, and shown
 * like a pole score: with n, SD and interval, from k answers in a team that met k. Next to
 * each, the report shows how the committed aspect moved since the report the commitment
 * answered, with the trend's rule for calling a change.
 */
import type { AspectKey } from "./aspects";
import { type CommitmentInput, commitmentText, libraryEntry } from "./commitment-fields";
import { formatScore, roundForDisplay } from "./format";
import { describeAbsence } from "./instrument";
import { en } from "./instrument/en";
import type { Direction } from "./recommendations/library";
import { changeText } from "./report/statistic-text";
import { type Change, changeSince } from "./report/trend";
import type { Moments } from "./scoring/stats";
import { type Absent, gateFollowThrough, type Gated, type Scores, type Shown, type Statistic, type Thresholds } from "./scoring/suppression";

/** For the manager's own words, or an action the library no longer has, the question quotes what they committed to. */
const OWN_WORDS = "practise what they committed to";

/** What completes "how often have you seen <name> …?" for one commitment. */
export function seenPhrase(commitment: CommitmentInput): string {
  if (commitment.source === "own") return `${OWN_WORDS}: “${commitment.text}”`;
  return libraryEntry(commitment.actionId)?.action.seen ?? OWN_WORDS;
}

/** The survey's extra item for one commitment: "Since Q3 2026, how often have you seen Daniel …?" */
export function followThroughQuestion(sinceCycleName: string, managerFirstName: string, commitment: CommitmentInput): string {
  return `Since ${sinceCycleName}, how often have you seen ${managerFirstName} ${seenPhrase(commitment)}?`;
}

/** The poles a commitment's direction works on: more leading moves L, more managing M, building both moves both. */
export function committedPoles(direction: Direction): readonly ("management" | "leadership")[] {
  if (direction === "more_managing") return ["management"];
  if (direction === "more_leading") return ["leadership"];
  return ["management", "leadership"];
}

/** One commitment frozen in a cycle, with the cycle's follow-through answers about it as sufficient statistics. */
export interface FollowThroughSeries {
  readonly position: number;
  readonly commitment: CommitmentInput;
  /** The closed cycle whose report the commitment answered. */
  readonly sinceCycleId: string;
  readonly sinceCycleName: string;
  /** The non-empty answers ("can't say" left out). */
  readonly moments: Moments;
}

export interface PoleChange {
  readonly pole: "management" | "leadership";
  /** `null` where either cycle hides the score, or the report it answered is not in view. */
  readonly change: Change | null;
}

export interface FollowThrough {
  readonly position: number;
  readonly aspect: AspectKey;
  readonly direction: Direction;
  readonly text: string;
  readonly sinceCycleName: string;
  readonly seen: Gated<Statistic, "team_below_threshold" | "below_threshold">;
  readonly changes: readonly PoleChange[];
}

/**
 * Each commitment's follow-through in a closed cycle, gated by that cycle's thresholds,
 * and how its aspect's committed poles moved since the report it answered. `before` gives
 * the team's scores in that earlier cycle, or `null` when it is not in view.
 */
export function followThroughOf(
  series: readonly FollowThroughSeries[],
  team: Shown<Pick<Scores, "respondents" | "aspects">> | Absent<"team_below_threshold">,
  thresholds: Partial<Thresholds>,
  before: (sinceCycleId: string) => (Shown<Pick<Scores, "aspects">> | Absent) | null,
): FollowThrough[] {
  return [...series]
    .sort((a, b) => a.position - b.position)
    .map(({ position, commitment, sinceCycleId, sinceCycleName, moments }) => {
      const earlier = before(sinceCycleId);
      const moved = team.shown && earlier?.shown ? changeSince(earlier, team)[commitment.aspect] : null;
      return {
        position,
        aspect: commitment.aspect,
        direction: commitment.direction,
        text: commitmentText(commitment),
        sinceCycleName,
        seen: gateFollowThrough(team.shown ? team.respondents : 0, moments, thresholds),
        changes: committedPoles(commitment.direction).map((pole) => ({ pole, change: moved ? moved[pole] : null })),
      };
    });
}

/** The scale's word nearest a mean as it is shown: 3.8 is "often", and 2.46, shown as 2.5, "sometimes". */
export function seenWord(value: number): string {
  const nearest = Math.min(5, Math.max(1, roundForDisplay(roundForDisplay(value), 0))) as 1 | 2 | 3 | 4 | 5;
  return en.rating.scale[nearest].toLowerCase();
}

/** "Your team saw it often (3.8 of 5)", or why it is not shown. */
export function seenSentence(seen: FollowThrough["seen"], thresholds: Partial<Thresholds>): string {
  if (!seen.shown) return describeAbsence(seen.reason, thresholds);
  return `Your team saw it ${seenWord(seen.value)} (${formatScore(seen.value)} of 5).`;
}

/** "Leading on Motivation since Q2 2026: +0.6, a clear rise (95% interval +0.1 to +1.1)", or why there is no change to show. */
export function movedSentence(item: Pick<FollowThrough, "aspect" | "sinceCycleName">, { pole, change }: PoleChange): string {
  const what = `${en.poles[pole].name} on ${en.aspects[item.aspect].name} since ${item.sinceCycleName}`;
  return change === null ? `${what}: not shown, because one of the two cycles does not show it.` : `${what}: ${changeText(change)}.`;
}
