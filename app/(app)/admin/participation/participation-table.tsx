import { DataTable } from "@/app/_components/data-table";
import { ScrollRegion } from "@/app/_components/scroll-region";
import { rateText } from "@/lib/participation";
import { responseCountText } from "@/lib/response-count";
import type { ParticipationTeam } from "@/server/dal/participation";

/** One open cycle's teams, in the order the DAL gives (lowest share answered first): counts only, never who answered. */
export function ParticipationTable({ cycleName, teams }: { cycleName: string; teams: ParticipationTeam[] }) {
  return (
    <ScrollRegion label={`Responses by team in ${cycleName}`} className="max-w-3xl">
      <DataTable
        scroll={false}
        caption={`Responses so far in ${cycleName}, by team, lowest share first`}
        captionVisible
        className="min-w-[30rem]"
        rows={teams}
        rowKey={(team) => team.managerId}
        empty="Nobody was invited in this cycle's reporting tree."
        columns={[
          { header: "Team of", rowHeader: true, cell: (team) => team.managerName },
          { header: "Reports to", cell: (team) => team.reportsToName ?? "–" },
          { header: "Responded", className: "whitespace-nowrap tabular-nums", cell: (team) => responseCountText(team.count) },
          { header: "Share", className: "whitespace-nowrap tabular-nums", cell: (team) => rateText(team.count) },
        ]}
      />
    </ScrollRegion>
  );
}
