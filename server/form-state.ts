import "server-only";

/**
 * What every server action returns to its form, read with useActionState: a status, one
 * message for the aria-live region, and messages per field.
 */
export type FormState<Field extends string = string> = {
  status: "idle" | "error" | "success";
  message: string;
  fieldErrors: Partial<Record<Field, string[]>>;
  /**
   * What was typed, echoed back so the form can show it again: React resets a form after
   * its action runs, and nobody should retype a whole form to fix one field. Never a password.
   */
  values?: Partial<Record<Field, string>>;
};

export const idleState: FormState = { status: "idle", message: "", fieldErrors: {} };
