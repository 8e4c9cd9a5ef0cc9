import { responseCountText } from "@/server/dal/response-count";
import type { ProgressTeam } from "@/server/dal/teams";

/** An open cycle: how many of each team have answered so far. Counts only, never a score. */
export function ProgressTable({ teams, cycleName }: { teams: ProgressTeam[]; cycleName: string }) {
  const sorted = [...teams].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  return (
    <div className="overflow-x-auto">
      <table className="w-full max-w-3xl rounded-lg border border-slate-200 bg-white text-left text-sm">
        <caption className="px-4 py-2 text-left font-medium">Responses so far in {cycleName}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="px-4 py-2">
              Team of
            </th>
            <th scope="col" className="px-4 py-2">
              Reports to
            </th>
            <th scope="col" className="px-4 py-2">
              Responded
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((team) => (
            <tr key={team.id} className="border-t border-slate-200">
              <th scope="row" className="px-4 py-2 font-medium">
                {team.name}
              </th>
              <td className="px-4 py-2">{team.parentName}</td>
              <td className="px-4 py-2 tabular-nums">{responseCountText(team.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
