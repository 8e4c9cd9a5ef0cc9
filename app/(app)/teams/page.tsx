import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/server/dal/session";
import { TeamsSection } from "../_sections/teams-section";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const viewer = await requireViewer();
  if (!viewer.hasIndirectReports) notFound();
  return <TeamsSection viewer={viewer} level={1} />;
}
