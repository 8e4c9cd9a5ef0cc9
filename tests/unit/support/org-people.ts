import type { ExistingPerson, ImportPlan } from "@/lib/org-import";

/** The importing admin's email in the org-import tests. */
export const ADMIN = "admin@org.example";

/** Someone already in Fulcrum: active, no manager, not an admin, named after their email, unless told otherwise. */
export const person = (email: string, overrides: Partial<ExistingPerson> = {}): ExistingPerson => ({
  email,
  name: email.split("@")[0]!,
  managerEmail: null,
  isAdmin: false,
  isActive: true,
  ...overrides,
});

export const adminPerson = person(ADMIN, { name: "The Admin", isAdmin: true });

/** A plan's errors as [line, message] pairs. */
export const errorsOf = (result: ImportPlan) => result.errors.map((error) => [error.line, error.message] as const);
