import { notFound } from "next/navigation";
import { clock } from "@/lib/clock";
import { loadCommitments } from "@/server/dal/commitments";
import { loadReport, type ReportRequest } from "@/server/dal/report";
import { requireViewer } from "@/server/dal/session";
import { getDb } from "@/server/db";
import { orNotFound } from "@/server/or-not-found";
import { ReportView } from "./report-view";

/**
 * What the three report routes share. Whatever the reason a report may not be opened
 * (someone else's, a cycle outside the viewer's tree, an id that does not exist), the
 * answer is the same 404, so that nothing can be learned by probing.
 */
export async function ReportPage({ request }: { request: ReportRequest }) {
  const viewer = await requireViewer();
  const db = await getDb();
  const report = await orNotFound(loadReport(db, viewer, request));
  if (report.status === "not-rated") {
    if (!viewer.hasDirectReports) notFound();
    return (
      <section aria-labelledby="report-title" className="space-y-2">
        <h1 id="report-title" className="text-2xl font-bold">
          Your report
        </h1>
        <p className="text-slate-700">Your team has not been invited to rate you yet. Your report appears here once they have.</p>
      </section>
    );
  }
  const printedOn = clock.today();
  if (report.status !== "closed") return <ReportView report={report} printedOn={printedOn} />;
  // The same viewer may read the commitments after a closed cycle's report as the report itself.
  const commitments = await orNotFound(loadCommitments(db, viewer, report.manager.id, report.cycle.id));
  return <ReportView report={{ ...report, commitments }} printedOn={printedOn} />;
}
