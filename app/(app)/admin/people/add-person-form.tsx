"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/app/_components/button";
import { StatusMessage } from "@/app/_components/status-message";
import { TextField } from "@/app/_components/text-field";
import type { ManagerCandidate } from "@/server/dal/people";
import { ManagerChoices } from "./_components/manager-choices";
import { type AddPersonState, addPersonAction } from "./actions";

const initial: AddPersonState = { status: "idle", message: "", fieldErrors: {} };

/** Adds one person: their manager among the picker's matches (or nobody), their name, work email and admin flag. */
export function AddPersonForm({ candidates }: { candidates: ManagerCandidate[] }) {
  const [state, formAction, pending] = useActionState(addPersonAction, initial);
  const error = (field: "name" | "email" | "managerId") => state.fieldErrors[field]?.[0];
  return (
    <form action={formAction} className="max-w-lg space-y-4" noValidate>
      <ManagerChoices
        // Drawn again for each search, so that no choice from an earlier list stays ticked.
        key={candidates.map((candidate) => candidate.id).join()}
        idPrefix="new-person-manager"
        legend="Their manager"
        candidates={candidates}
        selected={state.values?.managerId}
        error={error("managerId")}
      />
      <TextField name="name" id="new-person-name" label="Name" autoComplete="off" defaultValue={state.values?.name ?? ""} error={error("name")} />
      <TextField
        name="email"
        id="new-person-email"
        label="Work email"
        type="email"
        autoComplete="off"
        defaultValue={state.values?.email ?? ""}
        error={error("email")}
      />
      <div className="flex items-center gap-2">
        <input id="new-person-admin" name="isAdmin" type="checkbox" defaultChecked={state.values?.isAdmin === "on"} className="h-4 w-4 accent-brand-700" />
        <label htmlFor="new-person-admin">Administrator</label>
      </div>
      <Button type="submit" pending={pending}>
        Add person
      </Button>
      <StatusMessage status={state.status}>
        {state.message}
        {state.status === "success" && state.added && (
          <>
            {" "}
            <Link href={`/admin/people/${state.added.id}`}>Open {state.added.name}&apos;s page</Link>
          </>
        )}
      </StatusMessage>
    </form>
  );
}
