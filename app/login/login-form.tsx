"use client";

import { useActionState } from "react";
import { Button } from "@/app/_components/button";
import { StatusMessage } from "@/app/_components/status-message";
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
      {/* Only a failure is said here: success leaves the page. */}
      <StatusMessage variant="banner" status={state.status === "error" ? "error" : "idle"} className="min-h-6">
        {state.message}
      </StatusMessage>
      {/* Text with an email keyboard: password managers pair "username" with the password, and that token is not valid on type="email" (WCAG H98). */}
      <TextField
        name="email"
        label="Work email"
        error={emailError}
        type="text"
        inputMode="email"
        spellCheck={false}
        autoCapitalize="none"
        autoComplete="username"
        defaultValue={state.values?.email}
        required
      />
      <TextField name="password" label="Password" error={passwordError} type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" pending={pending} pendingLabel="Signing in…">
        Sign in
      </Button>
    </form>
  );
}
