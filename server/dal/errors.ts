import "server-only";
import type { Viewer } from "./viewer";

/**
 * A refusal the person can act on. Its message is written for them and safe to show, so the
 * action pipeline (server/action.ts) shows it as it is; any other error is unexpected, and
 * is logged by name only and reported without detail.
 */
export class ExpectedError extends Error {
  override name = "ExpectedError";
  /**
   * Whether the refusal means that the page the request came from is out of date, because
   * someone else changed the data meanwhile: the pipeline then revalidates the action's paths
   * as after a success, so that the page shows what is true now.
   */
  readonly stale: boolean = false;
}

/** Thrown by the data access layer when the viewer has no right to what they asked for. */
export class ForbiddenError extends ExpectedError {
  constructor(what: string) {
    super(`Not allowed: ${what}`);
    this.name = "ForbiddenError";
  }
}

/** The one check of the administrator's right, made by every data access function that needs it. */
export function requireAdmin(viewer: Viewer, what: string) {
  if (!viewer.isAdmin) throw new ForbiddenError(what);
}
