import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { clock } from "@/lib/clock";
import { loadCommitments } from "@/server/dal/commitments";
import { loadReport } from "@/server/dal/report";
import { requireViewer } from "@/server/dal/session";
import { getDb } from "@/server/db";
import { orNotFound } from "@/server/or-not-found";
import { DebriefView } from "../_components/debrief-view";
import "../../report/report.css";

export const metadata: Metadata = { title: "Team debrief" };

/**
 * The one-page debrief a manager prints or shares with their team: their own report only,
 * and only for a cycle whose team results are shown. Anything else is the same 404 as a
 * report that may not be opened.
 */
export default async function DebriefPage({ params }: PageProps<"/debrief/[cycle]">) {
  const { cycle } = await params;
  const viewer = await requireViewer();
  const db = await getDb();
  const report = await orNotFound(loadReport(db, viewer, { cycleId: cycle }));
  if (report.status !== "closed" || !report.current.team.shown) notFound();
  const commitments = await orNotFound(loadCommitments(db, viewer, viewer.id, report.cycle.id));
  return <DebriefView report={report} commitments={commitments} preparedOn={clock.today()} />;
}
