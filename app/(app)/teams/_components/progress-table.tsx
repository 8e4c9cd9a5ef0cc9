import { DataTable } from "@/app/_components/data-table";
import { pageSpan, spanWords } from "@/lib/teams/paging";
import { responseCountText } from "@/lib/response-count";
import type { ProgressTeam } from "@/server/dal/teams";
import { TeamsPager } from "./teams-pager";

/** An open cycle: how many of each team have answered so far, a page at a time. Counts only, never a score. */
export function ProgressTable({ teams, cycleName, cycleId, page }: { teams: ProgressTeam[]; cycleName: string; cycleId: string; page: number }) {
  const sorted = [...teams].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  const span = pageSpan(sorted.length, page);
  return (
    <div className="space-y-3">
      {span.pages > 1 && <p className="text-sm font-medium">{spanWords(span)}.</p>}
      <DataTable
        caption={`Responses so far in ${cycleName}`}
        captionVisible
        density="roomy"
        className="max-w-3xl"
        rows={sorted.slice(span.start, span.end)}
        rowKey={(team) => team.id}
        columns={[
          { header: "Team of", rowHeader: true, cell: (team) => team.name },
          { header: "Reports to", cell: (team) => team.parentName },
          { header: "Responded", className: "tabular-nums", cell: (team) => responseCountText(team.count) },
        ]}
      />
      <TeamsPager span={span} href={(n) => `/teams/${cycleId}${n === 1 ? "" : `?page=${n}`}`} />
    </div>
  );
}
