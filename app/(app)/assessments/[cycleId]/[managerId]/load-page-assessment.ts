import { notFound } from "next/navigation";
import { z } from "zod";
import { uuidSchema } from "@/lib/ids";
import { loadAssessment } from "@/server/dal/assessments";
import { requireViewer } from "@/server/dal/session";
import { getDb } from "@/server/db";

const params = z.object({ cycleId: uuidSchema, managerId: uuidSchema });

/** The viewer's assessment named by the URL; a malformed or foreign one is simply not found. */
export async function loadPageAssessment(routeParams: Promise<{ cycleId: string; managerId: string }>) {
  const parsed = params.safeParse(await routeParams);
  if (!parsed.success) notFound();
  const viewer = await requireViewer();
  const db = await getDb();
  const assessment = await loadAssessment(db, viewer, parsed.data.cycleId, parsed.data.managerId);
  if (!assessment) notFound();
  return { viewer, db, assessment };
}
