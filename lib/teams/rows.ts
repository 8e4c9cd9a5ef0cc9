/**
 * One row of the director's heatmap per team, built from the team's scores as the
 * anonymity gate of lib/scoring lets them through (lib/teams/scores). A row carries only
 * what may be shown: a hidden value is `null`, never a number, and nothing in a row can be
 * traced back to a response.
 */
import { ASPECT_KEYS } from "../aspects";
import { roundForDisplay } from "../format";
import { balanceChange } from "../report/trend";
import { fitGap, situationalTarget } from "../scoring/situation";
import { type OrgPool, type OrgReport, suppressPool, type Thresholds } from "../scoring/suppression";
import { SITUATION_KEYS, type SituationKey } from "../situations";
import { type CommitmentsInput, FOLLOW_THROUGH_DIGITS, type FollowThroughCell, followThroughCell, NO_COMMITMENTS } from "./follow-through";
import { type AspectCell, aspectCells, type TeamScores } from "./scores";

export type { AspectCell } from "./scores";

export interface TeamRow {
  /** The manager whose team this is. */
  readonly id: string;
  readonly name: string;
  /** The manager's own manager in the cycle's snapshot. */
  readonly parentId: string | null;
  readonly parentName: string | null;
  /** Reps the snapshot invited to rate the manager (N), and how many answered (n). */
  readonly invited: number;
  readonly responded: number;
  /** The team met k: without it, every score of the row is hidden. */
  readonly shown: boolean;
  /** `b` per aspect in the order of ASPECT_KEYS; `null` when below k. */
  readonly aspects: readonly (AspectCell | null)[];
  /** Overall balance B, or `null` when hidden. */
  readonly balance: number | null;
  readonly versatility: number | null;
  /** The team's current situation (the marked situations, in the order of SITUATION_KEYS) and the target T it gives. */
  readonly situations: readonly SituationKey[];
  readonly target: number;
  /** B − T, when B is shown. */
  readonly fitGap: number | null;
  /** B minus B in the previous closed cycle, when both are shown. */
  readonly change: number | null;
  /** The change is clear of the noise (lib/report `changeBetween`); false when there is none. */
  readonly changeIsClear: boolean;
  /** At least one shown aspect is lopsided. */
  readonly lopsided: boolean;
  /** The manager's commitments this cycle's opening froze: those made after the report before it. */
  readonly commitments: number;
  /** How often the team saw them practised (lib/teams/follow-through); `null` when there are none. */
  readonly followThrough: FollowThroughCell | null;
}

export interface TeamInput {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
  readonly parentName: string | null;
  readonly invited: number;
  readonly respondents: number;
  /** What the gate lets through of the team this cycle (lib/teams/scores), or `null` when it is below k. */
  readonly current: TeamScores | null;
  /**
   * B in the previous closed cycle, through that cycle's own thresholds (frozen when it
   * opened, perhaps raised since), or `null` when there is none to compare with.
   */
  readonly previous: Pick<TeamScores, "balance"> | null;
  readonly situations: readonly SituationKey[];
  /**
   * The manager's commitments frozen in the cycle, with their follow-through answers. Left
   * out where only B matters (the situations page): the row then counts none.
   */
  readonly commitments?: CommitmentsInput;
}

export function teamRow(input: TeamInput, thresholds: Thresholds): TeamRow {
  const { current, previous } = input;
  const aspects = current === null ? ASPECT_KEYS.map(() => null) : current.aspects;
  const balance = current?.balance.shown ? current.balance.value : null;
  const change = current && previous ? balanceChange(previous, current) : null;
  const target = situationalTarget(input.situations);
  const commitments = input.commitments ?? NO_COMMITMENTS;
  return {
    id: input.id,
    name: input.name,
    parentId: input.parentId,
    parentName: input.parentName,
    invited: input.invited,
    responded: input.respondents,
    shown: current !== null,
    aspects,
    balance,
    versatility: current?.versatility ?? null,
    target,
    situations: SITUATION_KEYS.filter((key) => input.situations.includes(key)),
    fitGap: balance === null ? null : fitGap(balance, target),
    change: change?.value ?? null,
    changeIsClear: change?.clear ?? false,
    lopsided: aspects.some((cell) => cell?.lopsided === true),
    commitments: commitments.count,
    followThrough: followThroughCell(commitments, input.respondents, thresholds),
  };
}

/** The organisation line: every team that meets k on its own, pooled; the others only counted. */
export interface OrgLine {
  readonly teamsIncluded: number;
  readonly teamsLeftOut: number;
  /** Summed over the included teams only, the same teams the scores cover. */
  readonly invited: number;
  readonly responded: number;
  readonly aspects: readonly (AspectCell | null)[];
  readonly balance: number | null;
  readonly versatility: number | null;
  readonly lopsided: boolean;
}

/** The organisation line of a pool of teams (lib/scoring `poolTeams`), with the invitations of the included teams. */
export function orgLine(pool: OrgPool & { readonly invited: number }, thresholds: Thresholds): OrgLine {
  const report: OrgReport = suppressPool(pool, thresholds);
  const aspects = report.shown ? aspectCells(report) : ASPECT_KEYS.map(() => null);
  return {
    teamsIncluded: report.teamsIncluded,
    teamsLeftOut: report.teamsLeftOut,
    invited: pool.invited,
    responded: pool.respondents,
    aspects,
    balance: report.shown && report.balance.shown ? report.balance.value : null,
    versatility: report.shown && report.versatility.shown ? report.versatility.value : null,
    lopsided: aspects.some((cell) => cell?.lopsided === true),
  };
}

/** n / N as a fraction, or `null` when nobody was invited. */
export function responseRate(responded: number, invited: number): number | null {
  return invited > 0 ? responded / invited : null;
}

/** Decimals shown, per kind of value: on the page and in the export alike. */
export const DIGITS = { balance: 2, versatility: 1, target: 2, fitGap: 2, change: 2, followThrough: FOLLOW_THROUGH_DIGITS } as const;

/** A value as the page shows it: rounded by lib/format, then read back as a number. */
export function displayed(value: number, digits: number): number {
  return roundForDisplay(value, digits);
}

/** A value as the page shows it, or `null` when it is hidden. */
export const shownValue = (value: number | null, digits: number) => (value === null ? null : displayed(value, digits));

/**
 * A row with every value rounded as it is shown. The browser gets these, and the CSV
 * export starts from them too, so that sorting and the fit-gap filter work on exactly the
 * numbers a director sees (two teams both shown at +0.12 tie, and are then ordered by
 * name), the same way on the page and in the file.
 */
export function asDisplayed(row: TeamRow): TeamRow {
  return {
    ...row,
    aspects: row.aspects.map((cell) => (cell === null ? null : { ...cell, value: displayed(cell.value, DIGITS.balance) })),
    balance: shownValue(row.balance, DIGITS.balance),
    versatility: shownValue(row.versatility, DIGITS.versatility),
    target: displayed(row.target, DIGITS.target),
    fitGap: shownValue(row.fitGap, DIGITS.fitGap),
    change: shownValue(row.change, DIGITS.change),
    followThrough: row.followThrough?.shown ? { ...row.followThrough, value: displayed(row.followThrough.value, DIGITS.followThrough) } : row.followThrough,
  };
}
