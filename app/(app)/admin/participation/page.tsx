import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { numberWord } from "@/app/_components/number-words";
import { formatDay } from "@/lib/dates";
import { REMINDER_DAYS_BEFORE_CLOSE, REMINDER_GAP_HOURS } from "@/lib/email";
import { daysLeftText, orgCountText, rateText } from "@/lib/participation";
import { EXACT_WHILE_LEFT } from "@/lib/response-count";
import { EMAIL_OFF, emailIsOn } from "@/server/dal/email";
import { loadParticipation, type OpenCycleParticipation } from "@/server/dal/participation";
import { requireViewer } from "@/server/dal/session";
import { getDb } from "@/server/db";
import { ParticipationTable } from "./participation-table";
import { RemindForm } from "./remind-form";

export const metadata: Metadata = { title: "Participation" };

/** Participation in the open cycle(s), for administrators: counts per team, never who answered. Thin: the DAL checks the right and counts. */
export default async function ParticipationPage() {
  const viewer = await requireViewer();
  if (!viewer.isAdmin) notFound();
  const cycles = await loadParticipation(await getDb(), viewer);
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">Participation</h1>
        <p className="max-w-3xl text-slate-700">
          How many of each team have answered so far. Nobody, administrators included, sees who has or has not answered: only each team&apos;s count. A
          team&apos;s count is exact while {numberWord(EXACT_WHILE_LEFT)} or more of it are still to answer; after that it reads &ldquo;or more&rdquo; until the
          cycle closes, and a team of one or two shows no number, so that nobody can tell when the last ones answered.
        </p>
      </div>
      {cycles.length === 0 ? (
        <p>
          No cycle is open, so nobody is answering at the moment. Open one on the{" "}
          <Link href="/admin/cycles" className="underline">
            Cycles page
          </Link>
          .
        </p>
      ) : (
        cycles.map((cycle) => <CycleParticipation key={cycle.id} cycle={cycle} emailOn={emailIsOn()} />)
      )}
    </div>
  );
}

function CycleParticipation({ cycle, emailOn }: { cycle: OpenCycleParticipation; emailOn: boolean }) {
  const headingId = `cycle-${cycle.id}`;
  const { org } = cycle;
  const figures = [
    { label: "Responded", value: orgCountText(org) },
    { label: "Response rate", value: rateText(org) },
    { label: "Days left", value: String(cycle.daysLeft) },
  ];
  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <div>
        <h2 id={headingId} className="text-xl font-semibold">
          {cycle.name}
        </h2>
        <p className="text-sm text-slate-700">
          Takes answers through {formatDay(cycle.closesOn)}. {daysLeftText(cycle.daysLeft)}.
        </p>
      </div>
      <dl className="grid max-w-3xl grid-cols-1 gap-3 sm:grid-cols-3" aria-label={`The organisation in ${cycle.name}`}>
        {figures.map((figure) => (
          <div key={figure.label} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
            <dt className="text-sm text-slate-700">{figure.label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{figure.value}</dd>
          </div>
        ))}
      </dl>
      <p className="max-w-3xl text-sm text-slate-700">
        {org.atLeast
          ? `The organisation's figure adds up the team counts below as they are shown. ${org.teamsAtLeast} of the ${org.teams} teams show a floor, so it is a floor too: their counts allow up to ${org.respondedAtMost} of ${org.invited}.`
          : `The organisation's figure adds up the team counts below, across ${org.teams} ${org.teams === 1 ? "team" : "teams"}.`}
      </p>
      {emailOn ? (
        <div className="max-w-3xl space-y-1">
          <p className="text-sm text-slate-700">
            Reminders also go out by themselves {REMINDER_DAYS_BEFORE_CLOSE.join(" and ")} days before the close, to whoever has not answered, and nobody gets
            more than one in {REMINDER_GAP_HOURS} hours.
          </p>
          <RemindForm cycleId={cycle.id} cycleName={cycle.name} />
        </div>
      ) : (
        <p className="max-w-3xl text-sm text-slate-700">{EMAIL_OFF}</p>
      )}
      <ParticipationTable cycleName={cycle.name} teams={cycle.teams} />
    </section>
  );
}
