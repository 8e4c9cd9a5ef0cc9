import Link from "next/link";
import { buttonClasses } from "@/app/_components/button";
import { StatusMessage } from "@/app/_components/status-message";
import { formatCount } from "@/lib/format";
import { LOPSIDED_GAP } from "@/lib/scoring";
import { ONE_SIDED, TOO_FEW_ANSWERS } from "@/lib/vocabulary";
import { balanceLegend } from "@/lib/teams/colour";
import { spanWords } from "@/lib/teams/paging";
import type { OrgLine } from "@/lib/teams/rows";
import type { TeamsTable } from "@/lib/teams/table";
import { DEFAULT_VIEW, defaultDirection, FIT_GAP_LIMIT, type SortKey, type TeamsView, viewQuery } from "@/lib/teams/view";
import type { TeamsCycle } from "@/server/dal/teams";
import { COLUMN_LABELS, Heatmap, HEATMAP_REGION_ID, tooFewReason } from "./heatmap";
import { PortfolioPlot } from "./portfolio-plot";
import { TeamsFilters } from "./teams-filters";
import { TeamsPager } from "./teams-pager";

interface ExplorerProps {
  cycle: TeamsCycle;
  previousName: string | null;
  k: number;
  /** Every team below the viewer, before the filters. */
  teams: number;
  /** What the view shows: one page of rows, worked out on the server (lib/teams/table). */
  table: TeamsTable;
  org: OrgLine;
  view: TeamsView;
}

/**
 * The heatmap, its filters, its pages and the portfolio plot, rendered on the server for
 * the view in the URL: the server sorts, filters and pages every team, and sends one page.
 * Column headers, pages and "Clear filters" are links, and the filters a GET form, so all
 * of it works without JavaScript; with it, only the filter form runs in the browser.
 */
export function TeamsExplorer({ cycle, previousName, k, teams, table, org, view }: ExplorerProps) {
  const { rows, span, portfolio, subTeams } = table;
  const basePath = `/teams/${cycle.id}`;
  const shown = { ...view, page: span.page };
  const href = (patch: Partial<TeamsView>) => `${basePath}${viewQuery({ ...shown, ...patch })}`;
  const sortTo = (key: SortKey): Pick<TeamsView, "sort" | "dir" | "page"> => ({
    sort: key,
    dir: view.sort === key ? (view.dir === "asc" ? "desc" : "asc") : defaultDirection(key),
    page: 1,
  });
  const narrowed = view.sub !== null || view.lopsided || view.fit || view.uncommitted || view.q !== "";
  const count = narrowed ? `${formatCount(span.total)} of ${formatCount(teams)} teams match.` : `${formatCount(teams)} ${teams === 1 ? "team" : "teams"}.`;

  return (
    <div className="space-y-6">
      <TeamsFilters action={basePath} view={shown} subTeams={subTeams} resultsId={HEATMAP_REGION_ID}>
        {narrowed && (
          <Link
            href={href({ ...DEFAULT_VIEW, sort: view.sort, dir: view.dir })}
            prefetch={false}
            scroll={false}
            className={buttonClasses({ variant: "secondary", size: "toolbar", className: "no-underline" })}
          >
            Clear filters
          </Link>
        )}
      </TeamsFilters>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <StatusMessage className="font-medium">{span.pages > 1 ? `${count} ${spanWords(span)}.` : count}</StatusMessage>
        <a
          href={`${basePath}/export${viewQuery({ ...view, page: 1 })}`}
          download
          className={buttonClasses({ variant: "outline", size: "toolbar", className: "no-underline" })}
        >
          Download CSV
        </a>
      </div>

      <Heatmap
        caption={`Scores of each team in ${cycle.name}: overall balance, versatility, what the situation calls for, fit to the situation and change, then the balance on each aspect, responses and commitments.`}
        cycleId={cycle.id}
        k={k}
        rows={rows}
        span={span}
        org={org}
        view={view}
        previousName={previousName}
        backHref={href({})}
        sortHref={(key) => href(sortTo(key))}
      />

      <TeamsPager span={span} href={(page) => href({ page })} />

      <Legend k={k} />

      <PortfolioPlot summary={portfolio.summary} points={portfolio.points} domain={portfolio.domain} cycleId={cycle.id} />
    </div>
  );
}

/** Under the table, its words and marks in sentences: the headers carry the symbols, this says what they mean. */
function Legend({ k }: { k: number }) {
  const steps = balanceLegend();
  return (
    <div className="space-y-1 text-xs text-slate-700">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{COLUMN_LABELS.balance} and the balance on each aspect (b):</span>
        <span>managing</span>
        <span className="flex" aria-hidden="true">
          {steps.map(({ step, colour }) => (
            <span key={step} className="inline-block h-4 w-5" style={{ backgroundColor: colour.background }} />
          ))}
        </span>
        <span>leading</span>
      </div>
      <ul className="list-disc space-y-0.5 pl-4">
        <li>
          <span className="font-medium">{ONE_SIDED}</span>: the team rated one side of that aspect at least {LOPSIDED_GAP} point above the other; the stronger
          side works, the other is left out.
        </li>
        <li>
          <span className="font-medium">{TOO_FEW_ANSWERS}</span>: {tooFewReason(k)}, so that nobody&apos;s answers can be picked out.
        </li>
        <li>
          <span className="font-medium">{COLUMN_LABELS.target}</span>: the overall balance the team&apos;s current situation calls for, from the situations
          marked for it; change them with Edit situations.
        </li>
        <li>
          <span className="font-medium">{COLUMN_LABELS.fitGap}</span>: how far the overall balance is from what the situation calls for, below 0 more managing
          and above 0 more leading than it calls for; in bold when more than {FIT_GAP_LIMIT} away either way.
        </li>
        <li>
          <span className="font-medium">{COLUMN_LABELS.change}</span>: bold with an arrow up or down when it is clear of the noise, ≈ when it is not (no clear
          change).
        </li>
        <li>
          Hover a value for the number of answers behind it (n). The first line pools every team below you with enough answers on its own, whatever the filters,
          and counts only those teams.
        </li>
        <li>
          <span className="font-medium">Commitments</span>: the actions each manager committed to after the report before this cycle, and how often their team
          saw them practised (seen, from 1 never to 5 always): the mean over the commitments with at least {k} answers, with the smallest n among them, and how
          many of the commitments it covers when that is not all of them.
        </li>
      </ul>
    </div>
  );
}
