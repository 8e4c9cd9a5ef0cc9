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
        These apply everywhere at once: every report, every team comparison and every export. Anything below a threshold is left
        out, never merged into a larger group. Each change is recorded in the audit log.
      </p>
      <ThresholdsForm k={thresholds.k} commentThreshold={thresholds.commentThreshold} />
    </div>
  );
}
