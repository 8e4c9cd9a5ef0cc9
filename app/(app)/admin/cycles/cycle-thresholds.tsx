"use client";

import { useActionState } from "react";
import { Button } from "@/app/_components/button";
import { StatusMessage } from "@/app/_components/status-message";
import { TextField } from "@/app/_components/text-field";
import { type CycleThresholdsState, raiseThresholdsAction } from "./actions";

const initial: CycleThresholdsState = { status: "idle", message: "", fieldErrors: {} };

interface CycleThresholdsProps {
  cycleId: string;
  cycleName: string;
  k: number;
  commentThreshold: number;
}

/** A cycle's frozen thresholds, and a form to raise them: never to lower them. */
export function CycleThresholds({ cycleId, cycleName, k, commentThreshold }: CycleThresholdsProps) {
  const [state, formAction, pending] = useActionState(raiseThresholdsAction, initial);
  const field = (name: "k" | "commentThreshold", label: string, value: number) => (
    <TextField
      id={`thresholds-${cycleId}-${name}`}
      name={name}
      label={label}
      error={state.fieldErrors[name]?.[0]}
      type="number"
      inputMode="numeric"
      min={value}
      step={1}
      required
      defaultValue={state.values?.[name] ?? value}
      width="w-24"
    />
  );
  return (
    <details>
      <summary className="cursor-pointer text-brand-700">
        k {k}, comments {commentThreshold}
        <span className="sr-only"> for {cycleName}: raise them</span>
      </summary>
      <form action={formAction} className="mt-2 space-y-2" noValidate>
        <input type="hidden" name="cycleId" value={cycleId} />
        <p className="max-w-xs text-sm text-slate-700">Frozen when the cycle opened. They can be raised, never lowered.</p>
        <div className="flex flex-wrap items-end gap-3">
          {field("k", "Minimum raters", k)}
          {field("commentThreshold", "Minimum commenters", commentThreshold)}
          <Button type="submit" size="sm" pending={pending}>
            Raise
          </Button>
        </div>
        <StatusMessage status={state.status}>{state.message}</StatusMessage>
      </form>
    </details>
  );
}
