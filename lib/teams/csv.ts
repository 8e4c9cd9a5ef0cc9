/**
 * The heatmap as CSV records (arrays of cells), ready for a CSV writer. The cells are
 * what the page shows, rounded the same way, with two differences a spreadsheet needs:
 * numbers use an ASCII minus so they stay numbers, and a hidden value is an empty cell
 * whose reason is spelled out in the last column.
 *
 * Formula injection: a spreadsheet may run a cell that starts with =, +, −, @ (or a tab
 * or carriage return) as a formula. Every text cell that does (a name, say) gets a
 * leading apostrophe, which makes it plain text. Numeric cells are exempt, and can only
 * be plain numbers: they are written here from numbers, never from anything typed.
 */
import { ASPECT_KEYS } from "../aspects";
import { formatScore } from "../format";
import { describeAbsence, en } from "../instrument";
import { verdictWords } from "../report/statistic-text";
import type { Thresholds } from "../scoring/suppression";
import { type FollowThroughCell, followThroughReason } from "./follow-through";
import { type AspectCell, DIGITS, type OrgLine, responseRate, type TeamRow } from "./rows";

const FORMULA_START = /^[=+\-@\t\r]/;
/** What `csvNumber` writes, and nothing that could be a formula. */
export const PLAIN_NUMBER = /^-?\d+(\.\d+)?%?$/;

/** Makes a text cell inert in a spreadsheet. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A number as the heatmap rounds it, with an ASCII minus. */
export function csvNumber(value: number, digits: number): string {
  return formatScore(value, digits).replace("\u2212", "-");
}

export { DIGITS };

export function percent(fraction: number): string {
  return `${csvNumber(fraction * 100, 0)}%`;
}

export interface CsvOptions {
  readonly thresholds: Thresholds;
  /** The cycle the change in B compares with, or null when there is none. */
  readonly previousCycleName: string | null;
}

export function csvHeader(options: CsvOptions): string[] {
  return [
    "Row",
    "Manager",
    "Reports to",
    "Responses (n of B, versatility and fit)",
    "Invited",
    "Response rate",
    ...ASPECT_KEYS.flatMap((key) => [`${en.aspects[key].name} (b)`, `${en.aspects[key].name} (n)`]),
    "Overall balance (B)",
    "Versatility",
    "Situation calls for (T)",
    "Fit to the situation (B − T)",
    options.previousCycleName ? `Change in B since ${options.previousCycleName}` : "Change in B",
    "Change in B: clear of the noise?",
    "Commitments",
    "Follow-through (mean seen, 1–5)",
    "Follow-through (n)",
    "One-sided aspects",
    "Not shown, and why",
  ].map(neutralise);
}

const num = (value: number | null, digits: number) => (value === null ? "" : csvNumber(value, digits));

/** b and the n behind it, per aspect; both empty when hidden. */
function aspectCells(aspects: readonly (AspectCell | null)[]): string[] {
  return aspects.flatMap((cell) => [num(cell?.value ?? null, DIGITS.balance), cell === null ? "" : String(cell.n)]);
}

/** The commitments, and their follow-through's mean and n; both empty when hidden or when there is none. */
function commitmentCells(count: number, cell: FollowThroughCell | null): string[] {
  return [String(count), cell?.shown ? csvNumber(cell.value, DIGITS.followThrough) : "", cell?.shown ? String(cell.n) : ""];
}

/** Whether the change in B is clear of the noise, in words; empty when there is no change. */
export function changeVerdictCell(row: Pick<TeamRow, "change" | "changeIsClear">): string {
  return row.change === null ? "" : verdictWords({ value: row.change, clear: row.changeIsClear });
}

const lopsidedNames = (aspects: readonly (AspectCell | null)[]) =>
  ASPECT_KEYS.filter((_, i) => aspects[i]?.lopsided)
    .map((key) => en.aspects[key].name)
    .join("; ");

function hiddenAspects(aspects: readonly (AspectCell | null)[], thresholds: Thresholds): string | null {
  const names = ASPECT_KEYS.filter((_, i) => aspects[i] === null).map((key) => en.aspects[key].name);
  return names.length === 0 ? null : `${names.join(", ")}: fewer than ${thresholds.k} answers on a pole.`;
}

/** Why each empty cell of a team's row is empty. */
export function teamReasons(row: TeamRow, options: CsvOptions): string {
  if (!row.shown) return describeAbsence("team_below_threshold", options.thresholds);
  const reasons = [hiddenAspects(row.aspects, options.thresholds)];
  if (row.balance === null) reasons.push(`B, versatility and fit to the situation: ${describeAbsence("no_data", options.thresholds)}`);
  else if (row.change === null) {
    reasons.push(
      options.previousCycleName ? `Change in B: no result shown for this team in ${options.previousCycleName}.` : "Change in B: no earlier closed cycle.",
    );
  }
  reasons.push(followThroughReason(row.commitments, row.followThrough, options.thresholds));
  return reasons.filter((reason) => reason !== null).join(" ");
}

export function teamRecord(row: TeamRow, options: CsvOptions): string[] {
  const rate = responseRate(row.responded, row.invited);
  return [
    "team",
    neutralise(row.name),
    neutralise(row.parentName ?? ""),
    String(row.responded),
    String(row.invited),
    rate === null ? "" : percent(rate),
    ...aspectCells(row.aspects),
    num(row.balance, DIGITS.balance),
    num(row.versatility, DIGITS.versatility),
    num(row.target, DIGITS.target),
    num(row.fitGap, DIGITS.fitGap),
    num(row.change, DIGITS.change),
    changeVerdictCell(row),
    ...commitmentCells(row.commitments, row.followThrough),
    neutralise(lopsidedNames(row.aspects)),
    neutralise(teamReasons(row, options)),
  ];
}

export function orgLabel(org: OrgLine): string {
  return `All teams with enough answers, k or more (${org.teamsIncluded} of ${org.teamsIncluded + org.teamsLeftOut}): counts and scores cover these teams only`;
}

export function orgReasons(org: OrgLine, options: CsvOptions): string {
  const leftOut = `${org.teamsLeftOut} ${org.teamsLeftOut === 1 ? "team" : "teams"} left out below the threshold.`;
  if (org.teamsIncluded === 0) return `${describeAbsence("no_team_meets_threshold", options.thresholds)} ${leftOut}`;
  return [leftOut, hiddenAspects(org.aspects, options.thresholds), "T, fit to the situation, change in B and commitments are per team."]
    .filter((reason) => reason !== null)
    .join(" ");
}

export function orgRecord(org: OrgLine, options: CsvOptions): string[] {
  const rate = responseRate(org.responded, org.invited);
  return [
    "organisation",
    neutralise(orgLabel(org)),
    "",
    String(org.responded),
    String(org.invited),
    rate === null ? "" : percent(rate),
    ...aspectCells(org.aspects),
    num(org.balance, DIGITS.balance),
    num(org.versatility, DIGITS.versatility),
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    neutralise(lopsidedNames(org.aspects)),
    neutralise(orgReasons(org, options)),
  ];
}

/** Header, organisation line, then the teams in the order given (the view's order). */
export function teamsCsvRecords(rows: readonly TeamRow[], org: OrgLine, options: CsvOptions): string[][] {
  return [csvHeader(options), orgRecord(org, options), ...rows.map((row) => teamRecord(row, options))];
}
