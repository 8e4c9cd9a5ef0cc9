"use client";

import { useActionState } from "react";
import { TextField } from "@/app/_components/text-field";
import type { FormState } from "@/server/form-state";
import { type ResetField, requestResetAction } from "./actions";

const initial: FormState<ResetField> = { status: "idle", message: "", fieldErrors: {} };

export function ForgotPasswordForm() {
  const [state, formAction, pending] = useActionState(requestResetAction, initial);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <div aria-live="polite" role="status" className="min-h-6">
        {state.status === "error" && <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">{state.message}</p>}
        {state.status === "success" && <p className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">{state.message}</p>}
      </div>
      <TextField
        name="email"
        label="Work email"
        error={state.fieldErrors.email?.[0]}
        type="email"
        autoComplete="username"
        defaultValue={state.values?.email}
        required
      />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900 disabled:opacity-60"
      >
        {pending ? "Sending…" : "Email me a link"}
      </button>
    </form>
  );
}
