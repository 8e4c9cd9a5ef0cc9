"use server";

import { newPersonSchema, type NewPersonField } from "@/lib/org-import/person";
import { runAction } from "@/server/action";
import { addPerson } from "@/server/dal/people";
import { FIRST_SIGN_IN } from "@/server/dal/invitations";
import { getDb } from "@/server/db";
import type { FormState } from "@/server/form-state";

export type AddPersonState = FormState<NewPersonField> & {
  /** The person just added, for a link to their page (where the invitation is sent). */
  added?: { id: string; name: string };
};

const typed = (formData: FormData) => ({
  name: String(formData.get("name") ?? ""),
  email: String(formData.get("email") ?? ""),
  managerId: String(formData.get("managerId") ?? ""),
  isAdmin: formData.get("isAdmin") === "on" ? "on" : "",
});

/** Adds one person by hand, checked by the import's rules. */
export async function addPersonAction(_previous: AddPersonState, formData: FormData): Promise<AddPersonState> {
  return runAction(formData, {
    name: "person add",
    gate: "admin",
    can: "manage people",
    echo: typed,
    // After a success the form starts empty for the next person; after a refusal it keeps what was typed.
    clearOnSuccess: true,
    schema: newPersonSchema,
    input: (formData) => ({
      name: formData.get("name") ?? undefined,
      email: formData.get("email") ?? undefined,
      managerId: formData.get("managerId") ?? undefined,
      isAdmin: formData.get("isAdmin") === "on",
    }),
    run: async ({ viewer, input }) => {
      const added = await addPerson(await getDb(), viewer, input);
      return { message: `Added ${added.name}. ${FIRST_SIGN_IN}`, added };
    },
    // The reporting tree decides what every page shows to whom.
    revalidate: [["/", "layout"]],
  });
}
