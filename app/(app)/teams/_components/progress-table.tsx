import { DataTable } from "@/app/_components/data-table";
import { responseCountText } from "@/lib/response-count";
import type { ProgressTeam } from "@/server/dal/teams";

/** An open cycle: how many of each team have answered so far. Counts only, never a score. */
export function ProgressTable({ teams, cycleName }: { teams: ProgressTeam[]; cycleName: string }) {
  const sorted = [...teams].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  return (
    <DataTable
      caption={`Responses so far in ${cycleName}`}
      captionVisible
      density="roomy"
      className="max-w-3xl"
      rows={sorted}
      rowKey={(team) => team.id}
      columns={[
        { header: "Team of", rowHeader: true, cell: (team) => team.name },
        { header: "Reports to", cell: (team) => team.parentName },
        { header: "Responded", className: "tabular-nums", cell: (team) => responseCountText(team.count) },
      ]}
    />
  );
}
