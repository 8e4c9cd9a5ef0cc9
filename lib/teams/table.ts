/**
 * What the teams page shows for a view: one page of the sorted, filtered rows, and the
 * portfolio's summary over all of them. The server works it out from every team below the
 * viewer and sends only the page, so the browser gets the same amount whatever the size
 * of the organisation.
 */
import { type PageSpan, pageSpan } from "./paging";
import { balanceDomain, type PortfolioPoint, portfolioPoints, portfolioSummary, portfolioTally } from "./portfolio";
import { asDisplayed, type TeamRow } from "./rows";
import { applyView, type SubTeamGroup, subTeamOptions, type TeamsView } from "./view";

export interface TeamsTable {
  /** The page's rows, rounded as shown (the export starts from the same), in the view's order. */
  readonly rows: TeamRow[];
  /** Which page that is; its total is the number of teams the view's filters keep. */
  readonly span: PageSpan;
  readonly portfolio: {
    /** Every team the filters keep, in words (lib/teams/portfolio). */
    readonly summary: string;
    /** The points of the page's teams: the plot draws these. */
    readonly points: PortfolioPoint[];
    /** A B axis wide enough for every team the filters keep, so that it stays put from page to page. */
    readonly domain: [number, number];
  };
  /** The sub-teams the filter offers, at the view's level of the tree. */
  readonly subTeams: SubTeamGroup[];
}

/**
 * Sorting, filtering and the tally work on each value as shown without a rounded copy of
 * every row (lib/teams/view `applyView`): only the page's rows are copied, rounded.
 */
export function teamsTable(teams: readonly TeamRow[], view: TeamsView, viewerId: string): TeamsTable {
  const kept = applyView(teams, view);
  const span = pageSpan(kept.length, view.page);
  const rows = kept.slice(span.start, span.end).map(asDisplayed);
  const every = portfolioTally(kept);
  const points = portfolioPoints(rows);
  return {
    rows,
    span,
    portfolio: { summary: portfolioSummary(every, kept.length, points.length, span), points, domain: balanceDomain(every) },
    subTeams: subTeamOptions(teams, viewerId, view.sub),
  };
}
