/**
 * What a director is looking at on the teams page: the sort, the filters, the search and
 * the page of the table. It lives in the URL, so a view can be shared, and the same
 * functions serve the page and the CSV export, so the export is exactly what the heatmap
 * shows (every page of it).
 */
import { ASPECT_KEYS, type AspectKey } from "../aspects";
import { DIGITS, responseRate, shownValue, type TeamRow } from "./rows";

/** A fit gap is worth a look beyond ±0.25: a quarter of the way from balanced to one pole. */
export const FIT_GAP_LIMIT = 0.25;

export const SORT_KEYS = ["name", ...ASPECT_KEYS, "balance", "versatility", "responseRate", "target", "fitGap", "change"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";

export interface TeamsView {
  readonly sort: SortKey;
  readonly dir: SortDirection;
  /** Only the teams at or below this person (a sub-team), or every team. */
  readonly sub: string | null;
  /** Only teams with at least one lopsided aspect. */
  readonly lopsided: boolean;
  /** Only teams whose fit gap is beyond ±FIT_GAP_LIMIT. */
  readonly fit: boolean;
  /** Only teams whose manager committed to no action after the report before this cycle. */
  readonly uncommitted: boolean;
  /** Part of a manager's name, any case, accents ignored. */
  readonly q: string;
  /** The page of the sorted, filtered table, from 1; a page past the last is read as the last (lib/teams/paging). */
  readonly page: number;
}

export const DEFAULT_VIEW: TeamsView = { sort: "name", dir: "asc", sub: null, lopsided: false, fit: false, uncommitted: false, q: "", page: 1 };

export const MAX_QUERY_LENGTH = 100;
/** Far beyond any organisation's last page: a longer number is not a page. */
const PAGE_DIGITS = /^[1-9]\d{0,5}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Params = Readonly<Record<string, string | readonly string[] | undefined>>;

const first = (value: string | readonly string[] | undefined): string | undefined => (typeof value === "string" ? value : value?.[0]);

const isSortKey = (value: string | undefined): value is SortKey => (SORT_KEYS as readonly (string | undefined)[]).includes(value);

/** Reads a view from search parameters. Anything unknown or malformed falls back to the default. */
export function parseView(params: Params): TeamsView {
  const sort = first(params.sort);
  const dir = first(params.dir);
  const sub = first(params.sub);
  const flag = (value: string | undefined) => value === "1" || value === "true" || value === "on";
  return {
    sort: isSortKey(sort) ? sort : DEFAULT_VIEW.sort,
    dir: dir === "desc" ? "desc" : dir === "asc" ? "asc" : defaultDirection(isSortKey(sort) ? sort : DEFAULT_VIEW.sort),
    sub: sub && UUID.test(sub) ? sub.toLowerCase() : null,
    lopsided: flag(first(params.lopsided)),
    fit: flag(first(params.fit)),
    uncommitted: flag(first(params.uncommitted)),
    q: (first(params.q) ?? "").trim().slice(0, MAX_QUERY_LENGTH),
    page: parsePage(first(params.page)),
  };
}

/** A page number as typed in a URL: a positive whole number, else the first page. */
function parsePage(value: string | undefined): number {
  return value !== undefined && PAGE_DIGITS.test(value) ? Number(value) : DEFAULT_VIEW.page;
}

/** Names read A→Z; numbers start from the largest, which is what a director looks for first. */
export function defaultDirection(sort: SortKey): SortDirection {
  return sort === "name" ? "asc" : "desc";
}

/** The search parameters of a view, defaults left out, in a fixed order: "" for the default view. */
export function viewQuery(view: TeamsView): string {
  const params = new URLSearchParams();
  if (view.sort !== DEFAULT_VIEW.sort) params.set("sort", view.sort);
  if (view.dir !== defaultDirection(view.sort)) params.set("dir", view.dir);
  if (view.sub) params.set("sub", view.sub);
  if (view.lopsided) params.set("lopsided", "1");
  if (view.fit) params.set("fit", "1");
  if (view.uncommitted) params.set("uncommitted", "1");
  if (view.q) params.set("q", view.q);
  if (view.page !== DEFAULT_VIEW.page) params.set("page", String(view.page));
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Lower case without accents, so "tomas" finds "Tomás". The same in every browser and on the server. */
export function searchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/**
 * The value a row sorts by, as the page shows it (lib/teams/rows `asDisplayed`): rounded
 * again, a rounded value stays what it is, so rows sort alike whether or not they are
 * rounded already. The response rate is a fraction of counts, sorted as it is.
 */
function sortValue(row: TeamRow, key: Exclude<SortKey, "name">): number | null {
  if ((ASPECT_KEYS as readonly string[]).includes(key)) return shownValue(row.aspects[ASPECT_KEYS.indexOf(key as AspectKey)]?.value ?? null, DIGITS.balance);
  switch (key) {
    case "balance":
      return shownValue(row.balance, DIGITS.balance);
    case "versatility":
      return shownValue(row.versatility, DIGITS.versatility);
    case "responseRate":
      return responseRate(row.responded, row.invited);
    case "target":
      return shownValue(row.target, DIGITS.target);
    case "fitGap":
      return shownValue(row.fitGap, DIGITS.fitGap);
    default:
      return shownValue(row.change, DIGITS.change);
  }
}

/**
 * Code-point order of the search keys, then of the names and ids: the same everywhere,
 * unlike locale collation. Keys are worked out once per sort, not once per comparison.
 */
function nameOrder(rows: readonly TeamRow[]): (a: TeamRow, b: TeamRow) => number {
  const keys = new Map(rows.map((row) => [row, searchKey(row.name)]));
  return (a, b) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    if (ka !== kb) return ka < kb ? -1 : 1;
    if (a.name !== b.name) return a.name < b.name ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/** Sorts a copy on the values as shown. Hidden values ("< k") go last in both directions; ties fall back to the name. */
export function sortRows(rows: readonly TeamRow[], sort: SortKey, dir: SortDirection): TeamRow[] {
  const sign = dir === "asc" ? 1 : -1;
  const byName = nameOrder(rows);
  if (sort === "name") return [...rows].sort((a, b) => sign * byName(a, b));
  const values = new Map(rows.map((row) => [row, sortValue(row, sort)]));
  return [...rows].sort((a, b) => {
    const va = values.get(a)!;
    const vb = values.get(b)!;
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    return va === vb ? byName(a, b) : sign * (va - vb);
  });
}

/** Each manager's teams one level down, from every row's manager in the snapshot. */
function childrenOf(rows: readonly TeamRow[]): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const row of rows) {
    if (!row.parentId) continue;
    const list = children.get(row.parentId);
    if (list) list.push(row.id);
    else children.set(row.parentId, [row.id]);
  }
  return children;
}

/**
 * The ids of the teams in a sub-team: the person themselves (when they are one of the
 * rows) and everyone below them, following each row's manager in the snapshot.
 */
export function subTeamIds(rows: readonly TeamRow[], rootId: string, children = childrenOf(rows)): Set<string> {
  const found = new Set<string>();
  const pending = [rootId];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (found.has(id)) continue;
    found.add(id);
    pending.push(...(children.get(id) ?? []));
  }
  return found;
}

export interface SubTeamOption {
  readonly id: string;
  readonly name: string;
  /** Teams in the sub-team, the leader's own included. */
  readonly teams: number;
}

/** The sub-teams reporting to one leader: `null` for the viewer. */
export interface SubTeamGroup {
  readonly leader: string | null;
  readonly options: readonly SubTeamOption[];
}

/**
 * The sub-teams a viewer can filter to, a level at a time: the teams reporting to the
 * viewer, then, for each leader on the way down to the chosen sub-team (that one
 * included), the teams reporting to them. The list grows with the depth and the breadth
 * of the tree, not with the number of teams.
 */
export function subTeamOptions(rows: readonly TeamRow[], viewerId: string, sub: string | null): SubTeamGroup[] {
  const children = childrenOf(rows);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const path: string[] = [];
  let id: string | null = sub;
  while (id !== null && id !== viewerId && byId.has(id) && !path.includes(id)) {
    path.unshift(id);
    id = byId.get(id)!.parentId;
  }
  // A sub-team that is not below the viewer opens no level of its own.
  const leaders = id === viewerId ? [viewerId, ...path] : [viewerId];
  return leaders.flatMap((leader) => {
    const below = (children.get(leader) ?? []).map((child) => byId.get(child)!);
    const options = sortRows(below, "name", "asc").map((row) => ({ id: row.id, name: row.name, teams: subTeamIds(rows, row.id, children).size }));
    return options.length === 0 ? [] : [{ leader: leader === viewerId ? null : byId.get(leader)!.name, options }];
  });
}

export function isFitGapBeyondLimit(fitGap: number | null): boolean {
  return fitGap !== null && Math.abs(fitGap) > FIT_GAP_LIMIT;
}

/** The filters of a view: everything but the sort. */
export type TeamsFilter = Pick<TeamsView, "sub" | "lopsided" | "fit" | "uncommitted" | "q">;

/** The rows a view's filters keep, in their original order; the fit gap as the page shows it (see `sortValue`). */
export function filterRows(rows: readonly TeamRow[], filter: TeamsFilter): TeamRow[] {
  const inSubTeam = filter.sub ? subTeamIds(rows, filter.sub) : null;
  const query = searchKey(filter.q);
  return rows.filter(
    (row) =>
      (!inSubTeam || inSubTeam.has(row.id)) &&
      (!filter.lopsided || row.lopsided) &&
      (!filter.fit || isFitGapBeyondLimit(shownValue(row.fitGap, DIGITS.fitGap))) &&
      (!filter.uncommitted || row.commitments === 0) &&
      (!query || searchKey(row.name).includes(query)),
  );
}

/**
 * The rows a view shows, filtered and sorted on their values as the page shows them: every
 * page of them, as they were given. The teams page rounds only the page it sends.
 */
export function applyView(rows: readonly TeamRow[], view: Omit<TeamsView, "page">): TeamRow[] {
  return sortRows(filterRows(rows, view), view.sort, view.dir);
}

const TEAMS_PATH = /^\/teams(\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?(\?[^#\\]*)?$/i;

/** A link back to a teams view, only if it is one: never another page or another site. */
export function safeTeamsPath(value: string | readonly string[] | undefined): string | null {
  const path = first(value);
  return path && TEAMS_PATH.test(path) ? path : null;
}
