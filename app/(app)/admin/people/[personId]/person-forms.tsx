"use client";

import { useActionState } from "react";
import { Button } from "@/app/_components/button";
import { StatusMessage } from "@/app/_components/status-message";
import type { ManagerCandidate } from "@/server/dal/people";
import type { FormState } from "@/server/form-state";
import { ManagerChoices } from "../_components/manager-choices";
import {
  createInvitationAction,
  type InvitationState,
  type ManagerState,
  type PersonState,
  setActiveAction,
  setManagerAction,
  updatePersonAction,
} from "./actions";

const idle = { status: "idle" as const, message: "", fieldErrors: {} };

function Status({ state }: { state: FormState }) {
  return <StatusMessage status={state.status}>{state.message}</StatusMessage>;
}

interface PersonFormProps {
  personId: string;
  name: string;
  isAdmin: boolean;
}

export function PersonForm({ personId, name, isAdmin }: PersonFormProps) {
  const [state, formAction, pending] = useActionState<PersonState, FormData>(updatePersonAction, idle);
  const error = (field: "name") => state.fieldErrors[field]?.[0];
  return (
    <form action={formAction} className="max-w-lg space-y-4" noValidate>
      <input type="hidden" name="personId" value={personId} />
      <div>
        <label htmlFor="name" className="block font-medium">
          Name
        </label>
        <input
          id="name"
          name="name"
          defaultValue={state.values?.name ?? name}
          aria-invalid={error("name") ? true : undefined}
          aria-describedby={error("name") ? "name-error" : undefined}
          className="mt-1 w-full rounded-md border border-slate-400 bg-white px-3 py-2"
        />
        {error("name") && (
          <p id="name-error" className="text-sm text-red-700">
            {error("name")}
          </p>
        )}
      </div>
      <div className="flex items-center gap-2">
        <input id="isAdmin" name="isAdmin" type="checkbox" defaultChecked={isAdmin} className="h-4 w-4 accent-brand-700" />
        <label htmlFor="isAdmin">Administrator</label>
      </div>
      <Button type="submit" pending={pending}>
        Save changes
      </Button>
      <Status state={state} />
    </form>
  );
}

interface ManagerFormProps {
  personId: string;
  personName: string;
  /** The active people the picker's search found, this person and those below them left out. */
  candidates: ManagerCandidate[];
}

/** Chooses the new manager among the search's matches, or the top of the organisation. */
export function ManagerForm({ personId, personName, candidates }: ManagerFormProps) {
  const [state, formAction, pending] = useActionState<ManagerState, FormData>(setManagerAction, idle);
  return (
    <form action={formAction} className="max-w-lg space-y-4" noValidate>
      <input type="hidden" name="personId" value={personId} />
      <ManagerChoices
        // Drawn again for each search, so that no choice from an earlier list stays ticked.
        key={candidates.map((candidate) => candidate.id).join()}
        idPrefix="new-manager"
        legend={`New manager for ${personName}`}
        candidates={candidates}
        selected={state.status === "error" ? state.values?.managerId : undefined}
        error={state.fieldErrors.managerId?.[0]}
      />
      <p className="text-sm text-slate-700">Open cycles keep the reporting lines they started with.</p>
      <Button type="submit" pending={pending}>
        Change manager
      </Button>
      <Status state={state} />
    </form>
  );
}

export function ActiveToggle({ personId, isActive }: { personId: string; isActive: boolean }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(setActiveAction, idle);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="active" value={String(!isActive)} />
      <Button type="submit" variant="secondary" className="font-semibold" pending={pending}>
        {isActive ? "Deactivate" : "Reactivate"}
      </Button>
      <Status state={state} />
    </form>
  );
}

export function InvitationButton({ personId, label }: { personId: string; label: string }) {
  const [state, formAction, pending] = useActionState<InvitationState, FormData>(createInvitationAction, idle);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="personId" value={personId} />
      <Button type="submit" variant="outline" pending={pending}>
        {label}
      </Button>
      <Status state={state} />
      {state.link && (
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor="invitation-link" className="sr-only">
            Sign-in link
          </label>
          <input
            id="invitation-link"
            readOnly
            value={state.link}
            className="w-full max-w-xl rounded-md border border-slate-400 bg-slate-50 px-3 py-2 font-mono text-xs"
          />
          <Button type="button" variant="secondary" size="sm" onClick={() => void navigator.clipboard?.writeText(state.link ?? "")}>
            Copy link
          </Button>
        </div>
      )}
    </form>
  );
}
