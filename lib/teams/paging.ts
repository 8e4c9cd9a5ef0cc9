/**
 * The teams table a page at a time. The server sorts and filters every team below the
 * viewer and sends one page of rows, so the page's HTML does not grow with the size of
 * the organisation.
 */
import { formatCount } from "../format";

/** Teams per page of the table: a screenful or two, and the same for every viewer. */
export const TEAMS_PAGE_SIZE = 50;

/** Numbered links on each side of the current page; the first and the last are always linked too. */
const NEIGHBOURS = 2;

export interface PageSpan {
  /** The page shown, from 1, within 1…pages. */
  readonly page: number;
  /** How many pages the rows fill: 1 even when there is none. */
  readonly pages: number;
  /** Index of the page's first row (inclusive) and of the row after its last (exclusive). */
  readonly start: number;
  readonly end: number;
  /** All the rows, on every page. */
  readonly total: number;
}

/** The span of a requested page over `total` rows: a page before the first or past the last is read as the nearest one. */
export function pageSpan(total: number, requested: number, size = TEAMS_PAGE_SIZE): PageSpan {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(pages, Math.max(1, Math.floor(requested) || 1));
  const start = (page - 1) * size;
  return { page, pages, start, end: Math.min(total, start + size), total };
}

/**
 * The page numbers to link to: the first, the last, and the current page with its
 * neighbours, in order, with "gap" where numbers are left out. Never more than
 * 2 × NEIGHBOURS + 5 entries, however many pages there are.
 */
export function pageLinks(page: number, pages: number): (number | "gap")[] {
  const shown = new Set([1, pages]);
  for (let n = page - NEIGHBOURS; n <= page + NEIGHBOURS; n++) if (n >= 1 && n <= pages) shown.add(n);
  const links: (number | "gap")[] = [];
  let previous = 0;
  for (const n of [...shown].sort((a, b) => a - b)) {
    // A gap of one page is the page itself: a number takes no more room than "…".
    if (n - previous === 2) links.push(n - 1);
    else if (n - previous > 2) links.push("gap");
    links.push(n);
    previous = n;
  }
  return links;
}

/** Where a page's rows are in the table: "Teams 51–100 of 2,155", or "No teams". */
export function spanWords(span: PageSpan): string {
  if (span.total === 0) return "No teams";
  return `Teams ${formatCount(span.start + 1)}–${formatCount(span.end)} of ${formatCount(span.total)}`;
}
