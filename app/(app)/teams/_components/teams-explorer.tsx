"use client";

import { useDeferredValue, useId, useMemo, useState } from "react";
import { Button, buttonClasses } from "@/app/_components/button";
import { StatusMessage } from "@/app/_components/status-message";
import { LOPSIDED_GAP } from "@/lib/scoring";
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
import { Heatmap } from "./heatmap";
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
 * and the column headers as links.
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
        onSubmit={(event) => event.preventDefault()}
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
            with a lopsided aspect
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="fit" value="1" checked={view.fit} onChange={(event) => update({ fit: event.target.checked })} />
            with a fit gap beyond ±{FIT_GAP_LIMIT}
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
        <noscript>
          <Button type="submit" size="toolbar">
            Apply
          </Button>
        </noscript>
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

      <Legend k={k} />

      <Heatmap
        caption={`Balance per aspect for each team in ${cycle.name}, with B, versatility, responses, target, fit gap, change in B and commitments.`}
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

      <PortfolioPlot rows={filtered} cycleId={cycle.id} />
    </div>
  );
}

function Legend({ k }: { k: number }) {
  const steps = balanceLegend();
  return (
    <div className="space-y-1 text-xs text-slate-700">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">Balance b and B:</span>
        <span>managing</span>
        <span className="flex" aria-hidden="true">
          {steps.map(({ step, colour }) => (
            <span key={step} className="inline-block h-4 w-5" style={{ backgroundColor: colour.background }} />
          ))}
        </span>
        <span>leading</span>
      </div>
      <p>
        ◆ lopsided: one pole rated at least {LOPSIDED_GAP} point above the other. &lt; k: fewer than {k} answers, so not shown. Fit gap = B − T, in bold beyond
        ±{FIT_GAP_LIMIT}. Change in B: bold with ▲ or ▼ when it is clear of the noise, ≈ when it is not (no clear change). Hover a value for the number of
        answers behind it (n). The organisation line pools every team below you that meets k on its own, whatever the filters, and counts only those teams.
      </p>
      <p>
        Commitments: the actions each manager committed to after the report before this cycle, and how often their team saw them practised (seen, from 1 never
        to 5 always): the mean over the commitments with at least {k} answers, with the smallest n among them, and how many of the commitments it covers when
        that is not all of them.
      </p>
    </div>
  );
}
