"use client";

import { useActionState } from "react";
import { createCycleAction, type CycleFormState, updateCycleAction } from "./actions";

const initial: CycleFormState = { status: "idle", message: "", fieldErrors: {} };

interface CycleFormProps {
  cycle?: { id: string; name: string; opensOn: string; closesOn: string };
}

/** Creates a draft cycle, or edits one when `cycle` is given. */
export function CycleForm({ cycle }: CycleFormProps) {
  const [state, formAction, pending] = useActionState(cycle ? updateCycleAction : createCycleAction, initial);
  const prefix = cycle ? `edit-${cycle.id}` : "new";
  const field = (name: "name" | "opensOn" | "closesOn", label: string, type: string, value?: string) => {
    const error = state.fieldErrors[name]?.[0];
    const id = `${prefix}-${name}`;
    return (
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          {label}
        </label>
        <input
          id={id}
          name={name}
          type={type}
          defaultValue={state.values?.[name] ?? value}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="mt-1 block rounded-md border border-slate-400 bg-white px-3 py-2"
        />
        {error && (
          <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
            {error}
          </p>
        )}
      </div>
    );
  };
  return (
    <form action={formAction} className="space-y-3" noValidate>
      {cycle && <input type="hidden" name="cycleId" value={cycle.id} />}
      <div className="flex flex-wrap items-end gap-4">
        {field("name", "Name", "text", cycle?.name)}
        {field("opensOn", "Opens on", "date", cycle?.opensOn)}
        {field("closesOn", "Closes on", "date", cycle?.closesOn)}
        <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
          {cycle ? "Save" : "Create draft"}
        </button>
      </div>
      <p role="status" aria-live="polite" className={state.status === "error" ? "text-sm font-medium text-red-700" : "text-sm text-emerald-800"}>
        {state.message}
      </p>
    </form>
  );
}
