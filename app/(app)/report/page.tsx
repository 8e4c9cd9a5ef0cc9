import type { Metadata } from "next";
import { ReportPage } from "./_components/report-page";

export const metadata: Metadata = { title: "My report" };

/** The viewer's own report for the latest closed cycle. */
export default function OwnLatestReportPage() {
  return <ReportPage request={{}} />;
}
