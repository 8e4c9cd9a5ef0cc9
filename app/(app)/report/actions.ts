"use server";

import { COMMITMENT_FIELDS, type CommitmentField, commitmentsFormSchema, removeCommitmentSchema } from "@/lib/commitments";
import { runAction } from "@/server/action";
import { removeCommitment, saveCommitments } from "@/server/dal/commitments";
import { ForbiddenError } from "@/server/dal/errors";
import { getDb } from "@/server/db";
import type { FormState } from "@/server/form-state";

export type CommitmentsFormState = FormState<CommitmentField>;
export type RemoveCommitmentState = FormState;

const NOT_YOURS = "Only a manager can commit to actions, after a report of their own.";
const refusal = (error: unknown) => (error instanceof ForbiddenError ? NOT_YOURS : undefined);
const actions = (count: number) => (count === 1 ? "1 action" : `${count} actions`);

/**
 * Saves the viewer's own list of commitments after one of their reports. The form names
 * the cycle, never the manager: the data access layer writes the viewer's own list, in a
 * transaction, and refuses once the next cycle has opened.
 */
export async function saveCommitmentsAction(_previous: CommitmentsFormState, formData: FormData): Promise<CommitmentsFormState> {
  return runAction(formData, {
    name: "commitments save",
    gate: "signed-in",
    schema: commitmentsFormSchema,
    input: (formData) =>
      Object.fromEntries([["cycleId", formData.get("cycleId")], ...COMMITMENT_FIELDS.map((field) => [field, formData.get(field) ?? undefined])]),
    echo: (formData) => Object.fromEntries(COMMITMENT_FIELDS.map((field) => [field, String(formData.get(field) ?? "")])),
    clearOnSuccess: true,
    hidden: ["cycleId"],
    invalid: "Check your commitments.",
    run: async ({ viewer, input: { cycleId, commitments } }) => {
      const outcome = await saveCommitments(await getDb(), viewer, cycleId, commitments);
      return outcome.status === "saved"
        ? `Saved: you have committed to ${actions(outcome.count)}. You can change them until the next cycle opens.`
        : "Nothing to save: these are already your commitments.";
    },
    revalidate: [["/report", "layout"]],
    refusal,
  });
}

/** Takes one commitment off the viewer's own list, by its place in the list. */
export async function removeCommitmentAction(_previous: RemoveCommitmentState, formData: FormData): Promise<RemoveCommitmentState> {
  return runAction(formData, {
    name: "commitment removal",
    gate: "signed-in",
    schema: removeCommitmentSchema,
    input: (formData) => ({ cycleId: formData.get("cycleId"), position: formData.get("position") }),
    hidden: ["cycleId", "position"],
    run: async ({ viewer, input: { cycleId, position } }) => {
      const left = await removeCommitment(await getDb(), viewer, cycleId, position);
      return left === 0 ? "Removed. You have no commitments for this report now." : `Removed. You are committed to ${actions(left)}.`;
    },
    revalidate: [["/report", "layout"]],
    refusal,
  });
}
