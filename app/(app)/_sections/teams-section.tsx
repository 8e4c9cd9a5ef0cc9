import Link from "next/link";
import { formatDay } from "@/lib/dates";
import { openCycleProgressBelow, teamsBelow } from "@/server/dal/home";
import { responseCountText } from "@/server/dal/response-count";
import type { Viewer } from "@/server/dal/viewer";
import { getDb } from "@/server/db";

export async function TeamsSection({ viewer, level = 2 }: { viewer: Viewer; level?: 1 | 2 }) {
  const Heading = level === 1 ? "h1" : "h2";
  const db = await getDb();
  const teams = await teamsBelow(db, viewer);
  const progress = await openCycleProgressBelow(db, viewer);
  return (
    <section aria-labelledby="teams-heading">
      <Heading id="teams-heading" className={level === 1 ? "text-2xl font-bold" : "text-xl font-semibold"}>
        Teams below you
      </Heading>
      <p className="mt-1 text-sm text-slate-700">
        {teams.length} {teams.length === 1 ? "team" : "teams"} in your part of the organisation.
      </p>
      <p className="mt-1 text-sm">
        <Link href="/teams" className="font-medium underline">
          Compare their results side by side
        </Link>
      </p>
      <ul className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {teams.map((team) => (
          <li key={team.id} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
            <p className="font-medium">{team.name}</p>
            <p className="text-sm text-slate-700">
              {team.team_size} direct {team.team_size === 1 ? "report" : "reports"}
            </p>
          </li>
        ))}
      </ul>
      {[...byCycle(progress)].map(([cycleName, rows]) => (
        <table key={cycleName} className="mt-6 w-full max-w-2xl rounded-lg border border-slate-200 bg-white text-left text-sm">
          <caption className="px-4 py-2 text-left font-medium">
            Responses so far in {cycleName}, open until {formatDay(rows[0]!.closes_on)}. Results appear when it closes. Once fewer than three are left to
            answer, the count stops at &ldquo;or more&rdquo;, so that nobody can tell who the last ones are.
          </caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-4 py-2">
                Team of
              </th>
              <th scope="col" className="px-4 py-2">
                Responded
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.manager_id} className="border-t border-slate-200">
                <th scope="row" className="px-4 py-2 font-medium">
                  {row.manager_name}
                </th>
                <td className="px-4 py-2">{responseCountText(row.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}

function byCycle<Row extends { cycle_name: string }>(rows: Row[]) {
  const groups = new Map<string, Row[]>();
  for (const row of rows) groups.set(row.cycle_name, [...(groups.get(row.cycle_name) ?? []), row]);
  return groups;
}
