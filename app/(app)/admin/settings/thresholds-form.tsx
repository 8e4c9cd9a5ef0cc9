"use client";

import { useActionState } from "react";
import { Button } from "@/app/_components/button";
import { StatusMessage } from "@/app/_components/status-message";
import { TextField } from "@/app/_components/text-field";
import { MIN_K } from "@/lib/scoring";
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
      min={MIN_K}
      step={1}
      required
      defaultValue={state.values?.[name] ?? value}
    />
  );
  return (
    <form action={formAction} className="max-w-xl space-y-5" noValidate>
      {field("k", "Minimum raters (k)", `Scores are shown only when at least this many people answered. Never below ${MIN_K}.`, k)}
      {field("commentThreshold", "Minimum commenters", "Comments are shown only when at least this many people wrote one. Never below k.", commentThreshold)}
      <Button type="submit" pending={pending}>
        Save thresholds
      </Button>
      <StatusMessage status={state.status} size="base">
        {state.message}
      </StatusMessage>
    </form>
  );
}
