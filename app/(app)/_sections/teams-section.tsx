import { teamsBelow } from "@/server/dal/home";
import type { Viewer } from "@/server/dal/viewer";
import { getDb } from "@/server/db";

export async function TeamsSection({ viewer, level = 2 }: { viewer: Viewer; level?: 1 | 2 }) {
  const Heading = level === 1 ? "h1" : "h2";
  const teams = await teamsBelow(await getDb(), viewer);
  return (
    <section aria-labelledby="teams-heading">
      <Heading id="teams-heading" className={level === 1 ? "text-2xl font-bold" : "text-xl font-semibold"}>
        Teams below you
      </Heading>
      <p className="mt-1 text-sm text-slate-700">
        {teams.length} {teams.length === 1 ? "team" : "teams"} in your part of the organisation.
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
    </section>
  );
}
