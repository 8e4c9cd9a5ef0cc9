import type { Metadata } from "next";
import { ReportPage } from "../../_components/report-page";

export const metadata: Metadata = { title: "Report" };

/** Someone else's report, for the people above them in that cycle's reporting tree. */
export default async function ManagerReportPage({ params }: PageProps<"/report/[cycle]/[manager]">) {
  const { cycle, manager } = await params;
  return <ReportPage request={{ cycleId: cycle, managerId: manager }} />;
}
