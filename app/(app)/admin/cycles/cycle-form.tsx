"use client";

import { useActionState } from "react";
import { Button } from "@/app/_components/button";
import { StatusMessage } from "@/app/_components/status-message";
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
        <Button type="submit" pending={pending}>
          {cycle ? "Save" : "Create draft"}
        </Button>
      </div>
      <StatusMessage status={state.status}>{state.message}</StatusMessage>
    </form>
  );
}
