import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDay } from "@/lib/dates";
import { teamsTable } from "@/lib/teams/table";
import { parseView } from "@/lib/teams/view";
import { requireViewer } from "@/server/dal/session";
import { loadTeamsPage, type TeamsCycle } from "@/server/dal/teams";
import { getDb } from "@/server/db";
import { orNotFound } from "@/server/or-not-found";
import { ProgressTable } from "./progress-table";
import { TeamsExplorer } from "./teams-explorer";

type SearchParams = Record<string, string | string[] | undefined>;

/** The teams page, for the default cycle or a chosen one. Thin: the DAL decides what the viewer may see. */
export async function TeamsScreen({ cycleId, searchParams }: { cycleId?: string; searchParams: SearchParams }) {
  const viewer = await requireViewer();
  const page = await orNotFound(loadTeamsPage(await getDb(), viewer, cycleId));
  if (page.status === "none" && !viewer.hasIndirectReports) notFound();
  const view = parseView(searchParams);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Teams below you</h1>
        {page.status === "none" ? (
          <p className="mt-2 text-slate-700">No cycle has run with teams below you yet. Results appear here once one has closed.</p>
        ) : (
          <p className="mt-1 text-sm text-slate-700">
            {page.cycle.state === "closed"
              ? `${page.cycle.name}, closed ${formatDay(page.cycle.closesOn)}. Every team below you in that cycle's reporting tree.`
              : `${page.cycle.name} is open until ${formatDay(page.cycle.closesOn)}. Scores appear when it closes; until then, only how many have answered.`}
          </p>
        )}
      </div>
      {page.status !== "none" && <CycleNav cycles={page.cycles} current={page.cycle} />}
      {page.status === "open" && <ProgressTable teams={page.teams} cycleName={page.cycle.name} cycleId={page.cycle.id} page={view.page} />}
      {page.status === "closed" && (
        <TeamsExplorer
          cycle={page.cycle}
          previousName={page.previous?.name ?? null}
          k={page.thresholds.k}
          teams={page.teams.length}
          table={teamsTable(page.teams, view, viewer.id)}
          org={page.org}
          view={view}
        />
      )}
    </div>
  );
}

function CycleNav({ cycles, current }: { cycles: TeamsCycle[]; current: TeamsCycle }) {
  if (cycles.length < 2) return null;
  return (
    <nav aria-label="Cycles">
      <ul className="flex flex-wrap gap-2 text-sm">
        {cycles.map((cycle) => (
          <li key={cycle.id}>
            {cycle.id === current.id ? (
              <span aria-current="page" className="inline-block rounded-full bg-brand-700 px-3 py-1 font-semibold text-white">
                {cycle.name}
              </span>
            ) : (
              <Link href={`/teams/${cycle.id}`} className="inline-block rounded-full border border-slate-300 bg-white px-3 py-1">
                {cycle.name}
                {cycle.state === "open" ? " (open)" : ""}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
