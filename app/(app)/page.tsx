import type { Metadata } from "next";
import { requireViewer } from "@/server/dal/session";
import { PasswordNoticeBanner } from "./_sections/password-notice";
import { AdminSection } from "./_sections/admin-section";
import { AssessmentsSection } from "./_sections/assessments-section";
import { ReportSection } from "./_sections/report-section";
import { TeamsSection } from "./_sections/teams-section";

export const metadata: Metadata = { title: "Home" };

/** What a person sees follows from where they stand in the reporting tree, not from a title. */
export default async function HomePage() {
  const viewer = await requireViewer();
  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-bold">Welcome, {viewer.name.split(" ")[0]}</h1>
      <PasswordNoticeBanner viewer={viewer} />
      <AssessmentsSection viewer={viewer} />
      {viewer.hasDirectReports && <ReportSection viewer={viewer} />}
      {viewer.hasIndirectReports && <TeamsSection viewer={viewer} />}
      {viewer.isAdmin && <AdminSection viewer={viewer} />}
    </div>
  );
}
