/**
 * Team rows as the teams page sends them to the browser: one flat array per row instead of
 * an object with named fields and nested cells, the manager's manager as an index instead
 * of a second id and name, the situations as bits, and every value rounded as it is shown
 * (asDisplayed): with two thousand teams that is a quarter of the bytes. The CSV export
 * starts from the same rounded rows, so page and file sort and filter alike.
 */
import { ASPECT_KEYS } from "../aspects";
import { SITUATION_KEYS, type SituationKey } from "../situations";
import { type FollowThroughCell, type FollowThroughHiddenReason } from "./follow-through";
import { asDisplayed, type TeamRow } from "./rows";

/**
 * A team's follow-through: [mean seen, n, commitments it covers] when shown; when hidden,
 * only the reason, a string, so that it cannot carry a number; null when there is no
 * commitment.
 */
export type WireFollowThrough = readonly [value: number, n: number, covered: number] | FollowThroughHiddenReason | null;

export type WireRow = readonly [
  id: string,
  name: string,
  /** Index of the row of the manager's manager, or −1 for the viewer. */
  parent: number,
  invited: number,
  responded: number,
  shown: 0 | 1,
  /** b per aspect, null when hidden. */
  balances: readonly (number | null)[],
  /** The n behind each b, 0 when hidden. */
  counts: readonly number[],
  /** Bit i set: aspect i is lopsided. */
  lopsided: number,
  balance: number | null,
  versatility: number | null,
  /** Bit i set: SITUATION_KEYS[i] is marked for the team. */
  situations: number,
  target: number,
  fitGap: number | null,
  change: number | null,
  changeIsClear: 0 | 1,
  commitments: number,
  followThrough: WireFollowThrough,
];

/** The situations as bits, in the order of SITUATION_KEYS. */
export function situationBits(situations: readonly SituationKey[]): number {
  return situations.reduce((bits, key) => bits | (1 << SITUATION_KEYS.indexOf(key)), 0);
}

export function situationsOf(bits: number): SituationKey[] {
  return SITUATION_KEYS.filter((_, i) => (bits & (1 << i)) !== 0);
}

export function followThroughToWire(cell: FollowThroughCell | null): WireFollowThrough {
  if (cell === null) return null;
  return cell.shown ? [cell.value, cell.n, cell.covered] : cell.reason;
}

export function followThroughFromWire(wire: WireFollowThrough): FollowThroughCell | null {
  if (wire === null) return null;
  if (typeof wire === "string") return { shown: false, reason: wire };
  const [value, n, covered] = wire;
  return { shown: true, value, n, covered };
}

/** The rows in wire form, rounded as shown (see asDisplayed). */
export function toWire(rows: readonly TeamRow[]): WireRow[] {
  const index = new Map(rows.map((row, i) => [row.id, i]));
  return rows
    .map(asDisplayed)
    .map((row) => [
      row.id,
      row.name,
      row.parentId === null ? -1 : (index.get(row.parentId) ?? -1),
      row.invited,
      row.responded,
      row.shown ? 1 : 0,
      row.aspects.map((cell) => cell?.value ?? null),
      row.aspects.map((cell) => cell?.n ?? 0),
      row.aspects.reduce((mask, cell, i) => (cell?.lopsided ? mask | (1 << i) : mask), 0),
      row.balance,
      row.versatility,
      situationBits(row.situations),
      row.target,
      row.fitGap,
      row.change,
      row.changeIsClear ? 1 : 0,
      row.commitments,
      followThroughToWire(row.followThrough),
    ]);
}

/** The rows back (rounded as shown), for a viewer: rows whose parent is −1 report to the viewer. */
export function fromWire(wire: readonly WireRow[], viewer: { id: string; name: string }): TeamRow[] {
  return wire.map(
    ([
      id,
      name,
      parent,
      invited,
      responded,
      shown,
      balances,
      counts,
      lopsided,
      balance,
      versatility,
      bits,
      target,
      fitGap,
      change,
      changeIsClear,
      commitments,
      followThrough,
    ]) => {
      const parentRow = parent >= 0 ? wire[parent] : undefined;
      return {
        id,
        name,
        parentId: parentRow ? parentRow[0] : viewer.id,
        parentName: parentRow ? parentRow[1] : viewer.name,
        invited,
        responded,
        shown: shown === 1,
        aspects: ASPECT_KEYS.map((_, i) => {
          const value = balances[i];
          return value === null || value === undefined ? null : { value, lopsided: (lopsided & (1 << i)) !== 0, n: counts[i] ?? 0 };
        }),
        balance,
        versatility,
        target,
        situations: situationsOf(bits),
        fitGap,
        change,
        changeIsClear: changeIsClear === 1,
        lopsided: lopsided !== 0,
        commitments,
        followThrough: followThroughFromWire(followThrough),
      };
    },
  );
}
