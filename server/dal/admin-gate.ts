import "server-only";
import { currentViewer } from "./session";
import type { Viewer } from "./viewer";

export type AdminGate = { viewer: Viewer; refusal?: undefined } | { viewer?: undefined; refusal: string };

/**
 * The first thing every administration action does, before it reads its input: the
 * signed-in administrator behind the request, or the message that turns anyone else
 * away. The data access layer checks the right again before it writes.
 */
export async function adminGate(what: string): Promise<AdminGate> {
  const viewer = await currentViewer();
  if (!viewer) return { refusal: "Your session has ended. Sign in again." };
  if (!viewer.isAdmin) return { refusal: `Only administrators can ${what}.` };
  return { viewer };
}
