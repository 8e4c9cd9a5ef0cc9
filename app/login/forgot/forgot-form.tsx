"use client";

import { useActionState } from "react";
import { Button } from "@/app/_components/button";
import { StatusMessage } from "@/app/_components/status-message";
import { TextField } from "@/app/_components/text-field";
import type { FormState } from "@/server/form-state";
import { type ResetField, requestResetAction } from "./actions";

const initial: FormState<ResetField> = { status: "idle", message: "", fieldErrors: {} };

export function ForgotPasswordForm() {
  const [state, formAction, pending] = useActionState(requestResetAction, initial);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <StatusMessage variant="banner" status={state.status} className="min-h-6">
        {state.message}
      </StatusMessage>
      <TextField
        name="email"
        label="Work email"
        error={state.fieldErrors.email?.[0]}
        type="email"
        autoComplete="email"
        defaultValue={state.values?.email}
        required
      />
      <Button type="submit" className="w-full" pending={pending} pendingLabel="Sending…">
        Email me a link
      </Button>
    </form>
  );
}
