import { formatDay } from "@/lib/dates";
import type { ClosedReport, ManagerReport } from "@/server/dal/report";
import { responseCountText } from "@/lib/response-count";
import { BalanceStrip } from "./balance-strip";
import { CommentsSection } from "./comments-section";
import { CommitmentsSection } from "./commitments-section";
import { DevelopmentActions } from "./development-actions";
import { FollowThroughSection } from "./follow-through-section";
import { Headline } from "./headline";
import { KeyTakeaways } from "./key-takeaways";
import { ProfileRadar } from "./profile-radar";
import { ReportHeader } from "./report-header";
import { Hidden } from "./scores";
import { SelfVsTeam } from "./self-vs-team";
import { TrendSection } from "./trend-section";
import "../report.css";

/**
 * The report for whatever state its cycle is in. Rendering only: the data comes checked
 * from the DAL, and the day it is printed on from the server's clock.
 */
export function ReportView({ report, printedOn }: { report: Exclude<ManagerReport, { status: "not-rated" }>; printedOn: string }) {
  return (
    <article aria-labelledby="report-title" className="report space-y-10">
      <ReportHeader manager={report.manager} cycle={report.cycle} cycles={report.cycles} printedOn={printedOn} />
      {report.status === "open" ? (
        <p className="rounded-lg border border-slate-200 bg-white px-4 py-3">
          {responseCountText(report.cycle)} responded so far; results when the cycle closes on {formatDay(report.cycle.closesOn)}.
        </p>
      ) : (
        <ClosedReportView report={report} />
      )}
    </article>
  );
}

/** The sections of issue #6, in their order. Below k, only the reason and the self-assessment. */
export function ClosedReportView({ report }: { report: ClosedReport }) {
  const { team } = report.current;
  if (!team.shown) {
    return (
      <>
        <section aria-labelledby="headline-heading" className="report-section space-y-2">
          <h2 id="headline-heading" className="text-xl font-semibold">
            Summary
          </h2>
          <p className="rounded-lg border border-slate-200 bg-white px-4 py-3">
            <Hidden reason={team.reason} thresholds={report.thresholds} /> {report.cycle.responded} of {report.cycle.invited} answered, and the team&apos;s
            results are shown only from {report.thresholds.k} answers, so that no one can be singled out. Below is the self-assessment alone.
          </p>
        </section>
        <SelfVsTeam report={report} />
        <FollowThroughSection report={report} />
        <CommitmentsSection report={report} />
      </>
    );
  }
  return (
    <>
      <KeyTakeaways report={report} />
      <Headline report={report} />
      <BalanceStrip report={report} />
      <ProfileRadar report={report} />
      <SelfVsTeam report={report} />
      <FollowThroughSection report={report} />
      <DevelopmentActions report={report} />
      <CommitmentsSection report={report} />
      <CommentsSection report={report} />
      <TrendSection report={report} />
    </>
  );
}
