import "server-only";
import { currentViewer } from "./session";
import type { Viewer } from "./viewer";

export type GateResult = { viewer: Viewer; refusal?: undefined } | { viewer?: undefined; refusal: string };

/** What an administration action says to anyone signed in who is not an administrator, and when the data layer refuses it. */
export const onlyAdministrators = (what: string) => `Only administrators can ${what}.`;

/**
 * The first thing every action that needs a session does, before it reads its input: the
 * signed-in person behind the request, or the message that turns anyone else away.
 */
export async function sessionGate(): Promise<GateResult> {
  const viewer = await currentViewer();
  return viewer ? { viewer } : { refusal: "Your session has ended. Sign in again." };
}

/** The same for administration actions, which turn away everyone but administrators. The data access layer checks the right again before it writes. */
export async function adminGate(what: string): Promise<GateResult> {
  const passed = await sessionGate();
  return passed.viewer && !passed.viewer.isAdmin ? { refusal: onlyAdministrators(what) } : passed;
}
