"use client";

import { useActionState } from "react";
import { type ThresholdsField, type ThresholdsState, updateThresholdsAction } from "./actions";

export function ThresholdsForm({ k, commentThreshold }: { k: number; commentThreshold: number }) {
  const initial: ThresholdsState = { status: "idle", message: "", fieldErrors: {} };
  const [state, formAction, pending] = useActionState(updateThresholdsAction, initial);
  const field = (name: ThresholdsField, label: string, help: string, value: number) => {
    const error = state.fieldErrors[name]?.[0];
    return (
      <div>
        <label htmlFor={name} className="block font-medium">
          {label}
        </label>
        <p id={`${name}-help`} className="text-sm text-slate-700">
          {help}
        </p>
        <input
          id={name}
          name={name}
          type="number"
          inputMode="numeric"
          min={3}
          step={1}
          required
          defaultValue={state.values?.[name] ?? value}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${name}-help${error ? ` ${name}-error` : ""}`}
          className="mt-1 w-28 rounded-md border border-slate-400 bg-white px-3 py-2"
        />
        {error && (
          <p id={`${name}-error`} className="mt-1 text-sm font-medium text-red-700">
            {error}
          </p>
        )}
      </div>
    );
  };
  return (
    <form action={formAction} className="max-w-xl space-y-5" noValidate>
      {field("k", "Minimum raters (k)", "Scores are shown only when at least this many people answered. Never below 3.", k)}
      {field(
        "commentThreshold",
        "Minimum commenters",
        "Comments are shown only when at least this many people wrote one. Never below k.",
        commentThreshold,
      )}
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        Save thresholds
      </button>
      <p role="status" aria-live="polite" className={state.status === "error" ? "font-medium text-red-700" : "text-emerald-800"}>
        {state.message}
      </p>
    </form>
  );
}
