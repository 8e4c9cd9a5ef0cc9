import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DataTable } from "@/app/_components/data-table";
import { ScrollRegion } from "@/app/_components/scroll-region";
import { StatusMessage } from "@/app/_components/status-message";
import { DELETED_PARAM } from "@/lib/cycle-input";
import { calendarDayOf, formatDay } from "@/lib/dates";
import { teamsMeetingKText } from "@/lib/teams-meeting-k";
import { listCycles } from "@/server/dal/cycles";
import { orgCountText } from "@/lib/participation";
import { requireViewer } from "@/server/dal/session";
import { getDb } from "@/server/db";
import { CycleForm } from "./cycle-form";
import { CycleThresholds } from "./cycle-thresholds";
import { CycleTransition } from "./cycle-transition";
import { DeleteDraft } from "./delete-draft";

export const metadata: Metadata = { title: "Cycles" };

const STATE_STYLE = {
  draft: "bg-slate-200 text-slate-900",
  open: "bg-emerald-100 text-emerald-900",
  closed: "bg-brand-100 text-brand-900",
} as const;

export default async function CyclesPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  if (!viewer.isAdmin) notFound();
  const cycles = await listCycles(await getDb(), viewer);
  const deleted = (await props.searchParams)[DELETED_PARAM];
  // Said only while no cycle has that name again, so that the message never goes stale.
  const deletedName = typeof deleted === "string" && !cycles.some((cycle) => cycle.name === deleted) ? deleted : null;
  const openNames = cycles.filter((cycle) => cycle.state === "open").map((cycle) => cycle.name);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Cycles</h1>
      <StatusMessage variant="banner" status={deletedName ? "success" : undefined}>
        {deletedName && `Draft “${deletedName}” deleted.`}
      </StatusMessage>
      <section aria-labelledby="new-cycle-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-cycle-heading" className="text-lg font-semibold">
          New cycle
        </h2>
        <p className="mb-3 text-sm text-slate-700">A new cycle starts as a draft. Nobody is invited until you open it.</p>
        <CycleForm />
      </section>
      <section aria-labelledby="cycles-heading">
        <h2 id="cycles-heading" className="text-lg font-semibold">
          All cycles
        </h2>
        {/* Relative, so that the screen-reader-only text in its cells (absolutely placed) scrolls with the table instead of widening the page. */}
        <ScrollRegion label="Table of all cycles" className="relative mt-3">
          <DataTable
            scroll={false}
            className="min-w-[48rem]"
            alignTop
            rows={cycles}
            rowKey={(cycle) => cycle.id}
            columns={[
              { header: "Cycle", rowHeader: true, cell: (cycle) => cycle.name },
              {
                header: "Dates",
                // A closed cycle shows the day it actually closed (by an admin, or on its own after its date), not the day planned.
                cell: (cycle) => (
                  <>
                    {formatDay(cycle.opensOn)} –{" "}
                    {cycle.state === "closed" && cycle.closedAt ? `closed ${formatDay(calendarDayOf(cycle.closedAt))}` : formatDay(cycle.closesOn)}
                  </>
                ),
              },
              {
                header: "State",
                cell: (cycle) => <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATE_STYLE[cycle.state]}`}>{cycle.state}</span>,
              },
              { header: "Responses", cell: (cycle) => (cycle.state === "draft" ? "–" : orgCountText(cycle.responses)) },
              { header: "Self-assessments", cell: (cycle) => (cycle.state === "draft" ? "–" : `${cycle.selfAssessed} of ${cycle.managers}`) },
              {
                header: "Thresholds",
                cell: (cycle) =>
                  cycle.minRaters !== null && cycle.minCommenters !== null ? (
                    <CycleThresholds cycleId={cycle.id} cycleName={cycle.name} k={cycle.minRaters} commentThreshold={cycle.minCommenters} />
                  ) : (
                    "set when it opens"
                  ),
              },
              {
                header: "Actions",
                cell: (cycle) => (
                  <div className="space-y-2">
                    <CycleTransition
                      cycleId={cycle.id}
                      cycleName={cycle.name}
                      state={cycle.state}
                      openElsewhere={cycle.state === "draft" ? openNames : []}
                      closeNote={cycle.teamsMeetingK ? teamsMeetingKText(cycle.teamsMeetingK) : undefined}
                    />
                    {cycle.state === "draft" && <DeleteDraft cycleId={cycle.id} cycleName={cycle.name} />}
                    {cycle.state === "draft" && (
                      <details>
                        <summary className="cursor-pointer text-brand-700">Edit {cycle.name}</summary>
                        <div className="mt-2">
                          <CycleForm cycle={cycle} />
                        </div>
                      </details>
                    )}
                  </div>
                ),
              },
            ]}
          />
        </ScrollRegion>
      </section>
    </div>
  );
}
