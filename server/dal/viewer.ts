import "server-only";
import type { Database } from "@/db/client";
import { revokeSessions, type Viewer } from "@/server/internal/viewer";

export type { Viewer } from "@/server/internal/viewer";

/** Signs the viewer out everywhere: every session they hold ends, wherever its cookie is, not just this browser's. */
export async function signOutEverywhere(db: Database, viewer: Viewer) {
  await revokeSessions(db, viewer.id);
}
