import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/server/dal/session";
import { ReportSection } from "../_sections/report-section";

export const metadata: Metadata = { title: "My report" };

export default async function ReportPage() {
  const viewer = await requireViewer();
  if (!viewer.hasDirectReports) notFound();
  return <ReportSection viewer={viewer} level={1} />;
}
