/** The query parameter of the manager picker's search. Kept free of zod and React: the picker's browser code reads it too. */
export const MANAGER_SEARCH_PARAM = "manager";
export const MAX_QUERY_LENGTH = 200;

/** The manager picker's search from a page's query string: "" when there is none, or it is not one piece of text. */
export function readManagerSearch(searchParams: Record<string, string | string[] | undefined>): string {
  const value = searchParams[MANAGER_SEARCH_PARAM];
  return typeof value === "string" ? value.trim().slice(0, MAX_QUERY_LENGTH) : "";
}

/** What the picker's search found, in words. `leftOut` says who is never offered, when anyone is. */
export function managerSearchSummary(query: string, found: { rows: unknown[]; total: number }, leftOut?: string): string {
  if (query === "") return "";
  const note = leftOut ? ` ${leftOut}` : "";
  if (found.total === 0) return `No active person matches “${query}”.${note}`;
  const matches = found.total === 1 ? "1 active person matches" : `${found.total.toLocaleString("en")} active people match`;
  if (found.rows.length === found.total) return `${matches} “${query}”: choose below.${note}`;
  return `${matches} “${query}”; the first ${found.rows.length} are listed below. Type more of the name or email to narrow it down.${note}`;
}
