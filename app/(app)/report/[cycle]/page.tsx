import type { Metadata } from "next";
import { ReportPage } from "../_components/report-page";

export const metadata: Metadata = { title: "My report" };

/** The viewer's own report for one cycle. */
export default async function OwnCycleReportPage({ params }: PageProps<"/report/[cycle]">) {
  const { cycle } = await params;
  return <ReportPage request={{ cycleId: cycle }} />;
}
