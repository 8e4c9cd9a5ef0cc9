import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/server/dal/session";
import { currentThresholds } from "@/server/dal/settings";
import { getDb } from "@/server/db";
import { ThresholdsForm } from "./thresholds-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const viewer = await requireViewer();
  if (!viewer.isAdmin) notFound();
  const thresholds = await currentThresholds(await getDb());
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Anonymity thresholds</h1>
      <p className="max-w-2xl text-slate-700">
        Opening a cycle freezes the thresholds in force, for every report, team comparison and export of that cycle: a change here applies to the cycles opened
        after it. A cycle&apos;s own thresholds can be raised later, on the Cycles page, never lowered. Anything below a threshold is left out, never merged
        into a larger group. Each change is recorded in the audit log.
      </p>
      <ThresholdsForm k={thresholds.k} commentThreshold={thresholds.commentThreshold} />
    </div>
  );
}
