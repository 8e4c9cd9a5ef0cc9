/** Thrown by the data access layer when the viewer has no right to what they asked for. */
export class ForbiddenError extends Error {
  constructor(what: string) {
    super(`Not allowed: ${what}`);
    this.name = "ForbiddenError";
  }
}
