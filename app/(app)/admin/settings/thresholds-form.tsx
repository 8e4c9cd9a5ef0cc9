"use client";

import { useActionState } from "react";
import { TextField } from "@/app/_components/text-field";
import { type ThresholdsField, type ThresholdsState, updateThresholdsAction } from "./actions";

export function ThresholdsForm({ k, commentThreshold }: { k: number; commentThreshold: number }) {
  const initial: ThresholdsState = { status: "idle", message: "", fieldErrors: {} };
  const [state, formAction, pending] = useActionState(updateThresholdsAction, initial);
  const field = (name: ThresholdsField, label: string, help: string, value: number) => (
    <TextField
      name={name}
      label={label}
      help={help}
      error={state.fieldErrors[name]?.[0]}
      width="w-28"
      type="number"
      inputMode="numeric"
      min={3}
      step={1}
      required
      defaultValue={state.values?.[name] ?? value}
    />
  );
  return (
    <form action={formAction} className="max-w-xl space-y-5" noValidate>
      {field("k", "Minimum raters (k)", "Scores are shown only when at least this many people answered. Never below 3.", k)}
      {field("commentThreshold", "Minimum commenters", "Comments are shown only when at least this many people wrote one. Never below k.", commentThreshold)}
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        Save thresholds
      </button>
      <p role="status" aria-live="polite" className={state.status === "error" ? "font-medium text-red-700" : "text-emerald-800"}>
        {state.message}
      </p>
    </form>
  );
}
