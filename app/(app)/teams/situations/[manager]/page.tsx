import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/app/_components/data-table";
import { ScrollRegion } from "@/app/_components/scroll-region";
import { capitalisedNumberWord, numberWord } from "@/app/_components/number-words";
import { formatSigned } from "@/lib/format";
import { SITUATION_FAVOURS, SITUATION_KEYS } from "@/lib/situations";
import { fitBand } from "@/lib/teams/colour";
import { DIGITS } from "@/lib/teams/csv";
import { fitBandWords } from "@/lib/teams/portfolio";
import { formatSavedAt, SITUATION_TEXT } from "@/lib/teams/situations";
import { safeTeamsPath } from "@/lib/teams/view";
import { SCORE_NAMES, TOO_FEW_ANSWERS } from "@/lib/vocabulary";
import { requireViewer } from "@/server/dal/session";
import { loadTeamSituations } from "@/server/dal/situations";
import { getDb } from "@/server/db";
import { orNotFound } from "@/server/or-not-found";
import { SituationsForm } from "./situations-form";

export const metadata: Metadata = { title: "Team situation" };

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const favouring = (side: "management" | "leadership") => SITUATION_KEYS.filter((key) => SITUATION_FAVOURS[key] === side).length;

/**
 * A team's situation: editable by anyone above the team in today's tree, read-only for
 * the manager. Every save is a new entry in the history below, with who and when.
 */
export default async function SituationsPage({ params, searchParams }: PageProps<"/teams/situations/[manager]">) {
  const viewer = await requireViewer();
  const { manager } = await params;
  const back = safeTeamsPath((await searchParams).back);
  const team = await orNotFound(loadTeamSituations(await getDb(), viewer, manager));
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
            ? `Mark the situations that apply to this team now. ${capitalisedNumberWord(favouring("management"))} favour managing and ${numberWord(favouring("leadership"))} favour leading; together they set the overall balance the situation calls for. Each save is kept, with who made it and when.`
            : own
              ? "Set by the people above you in the reporting tree. It gives the overall balance your team's situation calls for."
              : "Only people above this team in today's reporting tree can change its situation."}
        </p>
      </div>

      <section aria-labelledby="fit-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="fit-heading" className="text-lg font-semibold">
          Target and fit
        </h2>
        <dl className="mt-2 grid gap-x-8 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">Situation calls for (T)</dt>
          <dd data-testid="target">
            {formatSigned(team.target, DIGITS.target)}{" "}
            <span className="text-sm text-slate-700">
              ({count("leadership")} leading and {count("management")} managing situations marked)
            </span>
          </dd>
          {team.latest && (
            <>
              <dt className="font-medium">
                {capitalised(SCORE_NAMES.overallBalance)} (B) in {team.latest.cycleName}
              </dt>
              <dd>{team.latest.balance === null ? `Not shown: ${TOO_FEW_ANSWERS}` : formatSigned(team.latest.balance, DIGITS.balance)}</dd>
              <dt className="font-medium">{capitalised(SCORE_NAMES.fit)} (B − T)</dt>
              <dd data-testid="fit-gap">
                {team.latest.fitGap === null ? "–" : `${formatSigned(team.latest.fitGap, DIGITS.fitGap)}, ${fitBandWords(fitBand(team.latest.fitGap))}`}
              </dd>
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
            <p className="mt-2 text-slate-700">None yet: the situation calls for a balance between managing and leading.</p>
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
          <>
            {/* Relative, so that any screen-reader-only text in its cells scrolls with the table instead of widening the page. */}
            <ScrollRegion label="History of saved situations" className="relative mt-2">
              <DataTable
                scroll={false}
                caption="Every saved situation of this team, newest first"
                className="max-w-4xl"
                alignTop
                rows={team.history}
                rowKey={(entry) => entry.id}
                columns={[
                  {
                    header: "Saved",
                    className: "whitespace-nowrap",
                    cell: (entry, index) => (
                      <>
                        {formatSavedAt(entry.changedAt)}
                        {index === 0 && <span className="ml-2 rounded-full bg-brand-100 px-2 text-xs font-semibold text-brand-900">current</span>}
                      </>
                    ),
                  },
                  { header: "By", cell: (entry) => entry.changedBy },
                  {
                    header: "Situations",
                    cell: (entry) => (entry.situations.length === 0 ? "None" : entry.situations.map((key) => SITUATION_TEXT[key].label).join(", ")),
                  },
                  { header: "Calls for (T)", className: "tabular-nums", cell: (entry) => formatSigned(entry.target, DIGITS.target) },
                ]}
              />
            </ScrollRegion>
            {team.changes > team.history.length && (
              <p className="mt-1 text-xs text-slate-600">
                The latest {team.history.length} of {team.changes} saves.
              </p>
            )}
          </>
        )}
      </section>
    </div>
  );
}
