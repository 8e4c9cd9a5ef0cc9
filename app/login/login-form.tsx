"use client";

import { useActionState } from "react";
import { TextField } from "@/app/_components/text-field";
import type { FormState } from "@/server/form-state";
import { type SignInField, signInAction } from "./actions";

const initial: FormState<SignInField> = { status: "idle", message: "", fieldErrors: {} };

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(signInAction, initial);
  const emailError = state.fieldErrors.email?.[0];
  const passwordError = state.fieldErrors.password?.[0];
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div aria-live="polite" role="status" className="min-h-6">
        {state.status === "error" && <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">{state.message}</p>}
      </div>
      <TextField name="email" label="Work email" error={emailError} type="email" autoComplete="username" defaultValue={state.values?.email} required />
      <TextField name="password" label="Password" error={passwordError} type="password" autoComplete="current-password" required />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900 disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
