import Link from "next/link";
import { DataTable } from "@/app/_components/data-table";
import { numberWord } from "@/app/_components/number-words";
import { formatDay } from "@/lib/dates";
import { openCycleProgressBelow, teamsBelow } from "@/server/dal/home";
import { EXACT_WHILE_LEFT, responseCountText } from "@/lib/response-count";
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
              {team.teamSize} direct {team.teamSize === 1 ? "report" : "reports"}
            </p>
          </li>
        ))}
      </ul>
      {[...byCycle(progress)].map(([cycleName, rows]) => (
        <DataTable
          key={cycleName}
          scroll={false}
          caption={
            <>
              Responses so far in {cycleName}, open until {formatDay(rows[0]!.closesOn)}. Results appear when it closes. Once fewer than{" "}
              {numberWord(EXACT_WHILE_LEFT)} are left to answer, the count stops at &ldquo;or more&rdquo;, so that nobody can tell who the last ones are.
            </>
          }
          captionVisible
          density="roomy"
          className="mt-6 max-w-2xl"
          rows={rows}
          rowKey={(row) => row.managerId}
          columns={[
            { header: "Team of", rowHeader: true, cell: (row) => row.managerName },
            { header: "Responded", cell: (row) => responseCountText(row.count) },
          ]}
        />
      ))}
    </section>
  );
}

function byCycle<Row extends { cycleName: string }>(rows: Row[]) {
  const groups = new Map<string, Row[]>();
  for (const row of rows) groups.set(row.cycleName, [...(groups.get(row.cycleName) ?? []), row]);
  return groups;
}
