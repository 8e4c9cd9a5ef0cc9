import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatSigned } from "@/lib/format";
import { SITUATION_FAVOURS } from "@/lib/situations";
import { DIGITS } from "@/lib/teams/csv";
import { formatSavedAt, SITUATION_TEXT } from "@/lib/teams/situations";
import { safeTeamsPath } from "@/lib/teams/view";
import { ForbiddenError } from "@/server/dal/errors";
import { requireViewer } from "@/server/dal/session";
import { loadTeamSituations, type TeamSituations } from "@/server/dal/situations";
import { getDb } from "@/server/db";
import { SituationsForm } from "./situations-form";

export const metadata: Metadata = { title: "Team situation" };

/**
 * A team's situation: editable by anyone above the team in today's tree, read-only for
 * the manager. Every save is a new entry in the history below, with who and when.
 */
export default async function SituationsPage({ params, searchParams }: PageProps<"/teams/situations/[manager]">) {
  const viewer = await requireViewer();
  const { manager } = await params;
  const back = safeTeamsPath((await searchParams).back);
  let team: TeamSituations;
  try {
    team = await loadTeamSituations(await getDb(), viewer, manager);
  } catch (error) {
    if (error instanceof ForbiddenError) notFound();
    throw error;
  }
  const own = team.manager.id === viewer.id;
  const count = (side: "management" | "leadership") => team.current.filter((key) => SITUATION_FAVOURS[key] === side).length;
  return (
    <div className="space-y-8">
      {(back || viewer.hasIndirectReports) && (
        <p className="text-sm">
          <Link href={back ?? "/teams"}>← Back to the teams</Link>
        </p>
      )}
      <div>
        <h1 className="text-2xl font-bold">{own ? "Your team's situation" : `Situation of ${team.manager.name}'s team`}</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          {team.canEdit
            ? "Mark the situations that apply to this team now. Five favour managing and five favour leading; together they set the balance the situation calls for, the target T. Each save is kept, with who made it and when."
            : own
              ? "Set by the people above you in the reporting tree. It gives the balance your team's situation calls for, the target T."
              : "Only people above this team in today's reporting tree can change its situation."}
        </p>
      </div>

      <section aria-labelledby="fit-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="fit-heading" className="text-lg font-semibold">
          Target and fit
        </h2>
        <dl className="mt-2 grid gap-x-8 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">Target T</dt>
          <dd data-testid="target">
            {formatSigned(team.target, DIGITS.target)}{" "}
            <span className="text-sm text-slate-700">
              ({count("leadership")} leading and {count("management")} managing situations marked)
            </span>
          </dd>
          {team.latest && (
            <>
              <dt className="font-medium">B in {team.latest.cycleName}</dt>
              <dd>{team.latest.balance === null ? "Not shown: below the anonymity threshold" : formatSigned(team.latest.balance, DIGITS.balance)}</dd>
              <dt className="font-medium">Fit gap B − T</dt>
              <dd data-testid="fit-gap">{team.latest.fitGap === null ? "–" : formatSigned(team.latest.fitGap, DIGITS.fitGap)}</dd>
            </>
          )}
        </dl>
      </section>

      {team.canEdit ? (
        <SituationsForm managerId={team.manager.id} latestId={team.latestId} current={team.current} />
      ) : (
        <section aria-labelledby="current-heading">
          <h2 id="current-heading" className="text-lg font-semibold">
            Situations marked
          </h2>
          {team.current.length === 0 ? (
            <p className="mt-2 text-slate-700">None yet: the target is 0, a balance between managing and leading.</p>
          ) : (
            <ul className="mt-2 space-y-2">
              {team.current.map((key) => (
                <li key={key}>
                  <span className="font-medium">{SITUATION_TEXT[key].label}</span>{" "}
                  <span className="text-sm text-slate-700">
                    (favours {SITUATION_FAVOURS[key] === "management" ? "managing" : "leading"}). {SITUATION_TEXT[key].explanation}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="text-lg font-semibold">
          History
        </h2>
        {team.history.length === 0 ? (
          <p className="mt-2 text-slate-700">No situation has been saved for this team yet.</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full max-w-4xl rounded-lg border border-slate-200 bg-white text-left text-sm">
              <caption className="sr-only">Every saved situation of this team, newest first</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Saved
                  </th>
                  <th scope="col" className="px-3 py-2">
                    By
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Situations
                  </th>
                  <th scope="col" className="px-3 py-2">
                    T
                  </th>
                </tr>
              </thead>
              <tbody>
                {team.history.map((entry, index) => (
                  <tr key={entry.id} className="border-t border-slate-200 align-top">
                    <td className="px-3 py-2 whitespace-nowrap">
                      {formatSavedAt(entry.changedAt)}
                      {index === 0 && <span className="ml-2 rounded-full bg-brand-100 px-2 text-xs font-semibold text-brand-900">current</span>}
                    </td>
                    <td className="px-3 py-2">{entry.changedBy}</td>
                    <td className="px-3 py-2">
                      {entry.situations.length === 0 ? "None" : entry.situations.map((key) => SITUATION_TEXT[key].label).join(", ")}
                    </td>
                    <td className="px-3 py-2 tabular-nums">{formatSigned(entry.target, DIGITS.target)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {team.changes > team.history.length && (
              <p className="mt-1 text-xs text-slate-600">
                The latest {team.history.length} of {team.changes} saves.
              </p>
            )}
          </div>
        )}
      </section>
    </div>
  );
}
