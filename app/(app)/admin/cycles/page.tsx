import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DataTable } from "@/app/_components/data-table";
import { formatDay } from "@/lib/dates";
import { listCycles } from "@/server/dal/cycles";
import { responseCountText } from "@/lib/response-count";
import { requireViewer } from "@/server/dal/session";
import { getDb } from "@/server/db";
import { CycleForm } from "./cycle-form";
import { CycleThresholds } from "./cycle-thresholds";
import { CycleTransition } from "./cycle-transition";

export const metadata: Metadata = { title: "Cycles" };

const STATE_STYLE = {
  draft: "bg-slate-200 text-slate-900",
  open: "bg-emerald-100 text-emerald-900",
  closed: "bg-brand-100 text-brand-900",
} as const;

export default async function CyclesPage() {
  const viewer = await requireViewer();
  if (!viewer.isAdmin) notFound();
  const cycles = await listCycles(await getDb(), viewer);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Cycles</h1>
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
        <div className="mt-3 overflow-x-auto">
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
                cell: (cycle) => (
                  <>
                    {formatDay(cycle.opensOn)} – {formatDay(cycle.closesOn)}
                  </>
                ),
              },
              {
                header: "State",
                cell: (cycle) => <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATE_STYLE[cycle.state]}`}>{cycle.state}</span>,
              },
              { header: "Responses", cell: (cycle) => (cycle.state === "draft" ? "–" : responseCountText(cycle.responses)) },
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
                  <>
                    {cycle.state === "draft" && (
                      <div className="space-y-2">
                        <CycleTransition cycleId={cycle.id} cycleName={cycle.name} transition="open" />
                        <details>
                          <summary className="cursor-pointer text-brand-700">Edit {cycle.name}</summary>
                          <div className="mt-2">
                            <CycleForm cycle={cycle} />
                          </div>
                        </details>
                      </div>
                    )}
                    {cycle.state === "open" && <CycleTransition cycleId={cycle.id} cycleName={cycle.name} transition="close" />}
                  </>
                ),
              },
            ]}
          />
        </div>
      </section>
    </div>
  );
}
