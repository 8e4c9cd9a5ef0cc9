"use client";

import { useDeferredValue, useId, useMemo, useState } from "react";
import { Button, buttonClasses } from "@/app/_components/button";
import { StatusMessage } from "@/app/_components/status-message";
import { LOPSIDED_GAP } from "@/lib/scoring";
import { ONE_SIDED, TOO_FEW_ANSWERS } from "@/lib/vocabulary";
import { balanceLegend } from "@/lib/teams/colour";
import type { OrgLine } from "@/lib/teams/rows";
import {
  DEFAULT_VIEW,
  defaultDirection,
  filterRows,
  FIT_GAP_LIMIT,
  type SortKey,
  sortRows,
  type SubTeamOption,
  type TeamsView,
  viewQuery,
} from "@/lib/teams/view";
import { fromWire, type WireRow } from "@/lib/teams/wire";
import type { TeamsCycle } from "@/server/dal/teams";
import { COLUMN_LABELS, Heatmap, HEATMAP_REGION_ID, tooFewReason } from "./heatmap";
import { PortfolioPlot } from "./portfolio-plot";

interface ExplorerProps {
  cycle: TeamsCycle;
  previousName: string | null;
  k: number;
  viewer: { id: string; name: string };
  /**
   * Every team, already through the anonymity gate, in the compact form of lib/teams/wire,
   * as JSON text: React passes one string to the browser far faster than thousands of
   * small arrays, and the browser parses it natively.
   */
  teams: string;
  org: OrgLine;
  subTeams: SubTeamOption[];
  initialView: TeamsView;
}

/**
 * The heatmap, its filters and the portfolio plot. Sorting, filtering and searching run
 * in the browser on rows the server has already passed through the anonymity gate, and
 * the view is kept in the URL (replaceState, no reload), so it can be shared and the CSV
 * export gets the same view. Without JavaScript the filters still work as a plain form
 * and the column headers as links. With it, the filters apply as they change, and the
 * form's button takes the viewer to the table they narrowed.
 */
export function TeamsExplorer({ cycle, previousName, k, viewer, teams: wire, org, subTeams, initialView }: ExplorerProps) {
  const teams = useMemo(() => fromWire(JSON.parse(wire) as WireRow[], viewer), [wire, viewer]);
  const [view, setView] = useState(initialView);
  // Typing stays responsive: the table follows a step behind while the rows are recomputed.
  const deferred = useDeferredValue(view);
  // Filtering and sorting apart: a new sort leaves the filtered set, and so the plot, alone.
  const { sub, lopsided, fit, uncommitted, q } = deferred;
  const filtered = useMemo(() => filterRows(teams, { sub, lopsided, fit, uncommitted, q }), [teams, sub, lopsided, fit, uncommitted, q]);
  const rows = useMemo(() => sortRows(filtered, deferred.sort, deferred.dir), [filtered, deferred.sort, deferred.dir]);
  const ids = useId();
  const basePath = `/teams/${cycle.id}`;

  const update = (patch: Partial<TeamsView>) => {
    const next = { ...view, ...patch };
    setView(next);
    window.history.replaceState(null, "", `${window.location.pathname}${viewQuery(next)}`);
  };
  const sortTo = (key: SortKey): Pick<TeamsView, "sort" | "dir"> =>
    view.sort === key ? { sort: key, dir: view.dir === "asc" ? "desc" : "asc" } : { sort: key, dir: defaultDirection(key) };
  const query = viewQuery(view);
  const narrowed = view.sub !== null || view.lopsided || view.fit || view.uncommitted || view.q !== "";

  return (
    <div className="space-y-6">
      <form
        method="get"
        action={basePath}
        role="search"
        aria-label="Filter the teams"
        className="flex flex-wrap items-end gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4"
        onSubmit={(event) => {
          event.preventDefault();
          document.getElementById(HEATMAP_REGION_ID)?.focus();
        }}
      >
        <input type="hidden" name="sort" value={view.sort} />
        <input type="hidden" name="dir" value={view.dir} />
        <div>
          <label htmlFor={`${ids}-q`} className="block text-sm font-medium">
            Search by name
          </label>
          <input
            id={`${ids}-q`}
            name="q"
            type="search"
            value={view.q}
            onChange={(event) => update({ q: event.target.value.slice(0, 100) })}
            className="mt-1 block w-56 rounded-md border border-slate-400 bg-white px-3 py-1.5"
          />
        </div>
        <div>
          <label htmlFor={`${ids}-sub`} className="block text-sm font-medium">
            Sub-team
          </label>
          <select
            id={`${ids}-sub`}
            name="sub"
            value={view.sub ?? ""}
            onChange={(event) => update({ sub: event.target.value || null })}
            className="mt-1 block max-w-72 rounded-md border border-slate-400 bg-white px-3 py-1.5"
          >
            <option value="">All teams below you</option>
            {subTeams.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name} ({option.teams} {option.teams === 1 ? "team" : "teams"})
              </option>
            ))}
          </select>
        </div>
        <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
          <legend className="text-sm font-medium">Only teams</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="lopsided" value="1" checked={view.lopsided} onChange={(event) => update({ lopsided: event.target.checked })} />
            with a {ONE_SIDED} aspect
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="fit" value="1" checked={view.fit} onChange={(event) => update({ fit: event.target.checked })} />
            more than {FIT_GAP_LIMIT} from what their situation calls for
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="uncommitted"
              value="1"
              checked={view.uncommitted}
              onChange={(event) => update({ uncommitted: event.target.checked })}
            />
            with no commitment
          </label>
        </fieldset>
        <Button type="submit" size="toolbar">
          Show teams
        </Button>
        {narrowed && (
          <Button type="button" variant="secondary" size="toolbar" onClick={() => update({ ...DEFAULT_VIEW, sort: view.sort, dir: view.dir })}>
            Clear filters
          </Button>
        )}
      </form>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <StatusMessage className="font-medium">
          {narrowed ? `${rows.length} of ${teams.length} teams match.` : `${teams.length} ${teams.length === 1 ? "team" : "teams"}.`}
        </StatusMessage>
        <a href={`${basePath}/export${query}`} download className={buttonClasses({ variant: "outline", size: "toolbar", className: "no-underline" })}>
          Download CSV
        </a>
      </div>

      <Heatmap
        caption={`Scores of each team in ${cycle.name}: overall balance, versatility, what the situation calls for, fit to the situation and change, then the balance on each aspect, responses and commitments.`}
        cycleId={cycle.id}
        k={k}
        rows={rows}
        org={org}
        view={deferred}
        previousName={previousName}
        backHref={`${basePath}${query}`}
        sortHref={(key) => `${basePath}${viewQuery({ ...view, ...sortTo(key) })}`}
        onSort={(key) => update(sortTo(key))}
      />

      <Legend k={k} />

      <PortfolioPlot rows={filtered} cycleId={cycle.id} />
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
