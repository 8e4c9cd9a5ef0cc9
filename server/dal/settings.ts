import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { settings } from "@/db/schema";
import { resolveThresholds, type Thresholds } from "@/lib/scoring";

/**
 * The anonymity thresholds in force. Anyone signed in may read them: they are printed on
 * every report. The database keeps k ≥ 3 and the comment threshold ≥ k.
 */
export async function currentThresholds(db: Database): Promise<Thresholds> {
  const [row] = await db.select().from(settings).where(eq(settings.id, 1));
  return resolveThresholds({ k: row?.minRaters, commentThreshold: row?.minCommenters });
}
