/**
 * What the heatmap shows of one team in one closed cycle, through the anonymity gate of
 * lib/scoring: each aspect's b with its n, the overall balance B with its precision (for
 * the change to the next cycle) and versatility. It is worked out once per cycle and k,
 * from the team's sufficient statistics, and kept with them (cycle_team_summaries.scores),
 * so that the teams page reads a few numbers a team instead of scoring every team on every
 * request. A hidden value is `null`, here and in the stored array alike: never a number.
 */
import { ASPECT_KEYS } from "../aspects";
import type { TeamAggregate } from "../scoring/aggregate";
import { type Gated, type OverallValue, type Scores, suppressTeam, type Thresholds } from "../scoring/suppression";

/**
 * A shown balance `b` of one aspect, whether its poles are at least 1 apart, and n: the
 * answers behind it, the fewer of its two poles' counts.
 */
export interface AspectCell {
  readonly value: number;
  readonly lopsided: boolean;
  readonly n: number;
}

/** A team that met k: its shown values, each `null` (or absent, for B) where the gate hides it. */
export interface TeamScores {
  /** `b` per aspect, in the order of ASPECT_KEYS. */
  readonly aspects: readonly (AspectCell | null)[];
  readonly balance: Gated<OverallValue>;
  readonly versatility: number | null;
}

/**
 * Bump when what `teamScores` gives for the same statistics changes: every stored array
 * of an older version is then worked out again before anyone reads it (server/internal/team-scores).
 */
export const TEAM_SCORES_VERSION = 1;

/** The b cells of shown scores, with the n behind each. */
export function aspectCells(scores: Pick<Scores, "aspects">): (AspectCell | null)[] {
  return ASPECT_KEYS.map((key) => {
    const { balance, management, leadership } = scores.aspects[key];
    return balance.shown && management.shown && leadership.shown
      ? { value: balance.value, lopsided: balance.lopsided, n: Math.min(management.n, leadership.n) }
      : null;
  });
}

/** A team's scores as the gate lets them through, or `null` when the team is below k. Comments never reach the heatmap. */
export function teamScores(aggregate: TeamAggregate, thresholds: Thresholds): TeamScores | null {
  const report = suppressTeam({ ...aggregate, comments: [] }, thresholds);
  if (!report.shown) return null;
  return { aspects: aspectCells(report), balance: report.balance, versatility: report.versatility.shown ? report.versatility.value : null };
}

const CELL_WIDTH = 3;
const BALANCE_AT = ASPECT_KEYS.length * CELL_WIDTH;
const BALANCE_WIDTH = 4;
/** Numbers in a stored array: b, lopsided (1 or 0) and n per aspect; B, its aspects, standard error and degrees of freedom; versatility. */
export const STORED_SCORES_LENGTH = BALANCE_AT + BALANCE_WIDTH + 1;

/** The scores as the array the database keeps; `null` where a value is hidden. */
export function encodeTeamScores(scores: TeamScores): (number | null)[] {
  const values: (number | null)[] = [];
  for (const cell of scores.aspects) values.push(...(cell === null ? [null, null, null] : [cell.value, cell.lopsided ? 1 : 0, cell.n]));
  const { balance } = scores;
  if (balance.shown) values.push(balance.value, balance.aspects, balance.precision?.standardError ?? null, balance.precision?.degreesOfFreedom ?? null);
  else values.push(null, null, null, null);
  values.push(scores.versatility);
  return values;
}

const isCount = (value: number | null): value is number => value !== null && Number.isInteger(value) && value >= 0;

/** Reads back what `encodeTeamScores` wrote. Anything else throws: a stored array is never guessed at. */
export function decodeTeamScores(values: readonly (number | null)[]): TeamScores {
  if (values.length !== STORED_SCORES_LENGTH) throw new RangeError(`Expected ${STORED_SCORES_LENGTH} stored scores, got ${values.length}`);
  for (const value of values) if (value !== null && !Number.isFinite(value)) throw new RangeError("Stored scores must be numbers or null");
  // Plain loops, and no array that is not kept: the teams page reads thousands of these per request.
  const aspects: (AspectCell | null)[] = [];
  for (let at = 0; at < BALANCE_AT; at += CELL_WIDTH) {
    const value = values[at]!;
    const lopsided = values[at + 1]!;
    const n = values[at + 2]!;
    if (value === null && lopsided === null && n === null) aspects.push(null);
    else if (value === null || (lopsided !== 0 && lopsided !== 1) || !isCount(n))
      throw new RangeError(`Stored scores of aspect ${at / CELL_WIDTH + 1} are incomplete`);
    else aspects.push({ value, lopsided: lopsided === 1, n });
  }
  return { aspects, balance: decodeStoredBalance(values.slice(BALANCE_AT, BALANCE_AT + BALANCE_WIDTH)), versatility: values[BALANCE_AT + BALANCE_WIDTH]! };
}

/**
 * Where B and its precision sit in a stored array, as SQL subscripts count (from 1): all
 * that the change in B needs of the cycle before, so that the page reads only these of it.
 */
export const STORED_BALANCE = { from: BALANCE_AT + 1, to: BALANCE_AT + BALANCE_WIDTH } as const;

/** B, its aspects and its precision, as `encodeTeamScores` stored them. */
export function decodeStoredBalance(values: readonly (number | null)[]): Gated<OverallValue> {
  if (values.length !== BALANCE_WIDTH) throw new RangeError(`Expected ${BALANCE_WIDTH} numbers for a stored B, got ${values.length}`);
  if (!values.every((value) => value === null || Number.isFinite(value))) throw new RangeError("Stored scores must be numbers or null");
  const [value, count, standardError, degreesOfFreedom] = values as [number | null, number | null, number | null, number | null];
  if (value === null) return { shown: false, reason: "no_data" };
  if (!isCount(count)) throw new RangeError("Stored scores give B without the number of aspects it averages");
  if ((standardError === null) !== (degreesOfFreedom === null) || (degreesOfFreedom !== null && !isCount(degreesOfFreedom))) {
    throw new RangeError("Stored scores give half of B's precision");
  }
  const precision = standardError !== null && degreesOfFreedom !== null ? { standardError, degreesOfFreedom } : null;
  return { shown: true, value, aspects: count, precision };
}
