"use client";

import { useActionState } from "react";
import { TextField } from "@/app/_components/text-field";
import type { NewPasswordField } from "@/server/auth/password-policy";
import type { FormState } from "@/server/form-state";
import { setPasswordAction } from "./actions";

const initial: FormState<NewPasswordField> = { status: "idle", message: "", fieldErrors: {} };

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, formAction, pending] = useActionState(setPasswordAction, initial);
  const field = (name: NewPasswordField, label: string, help?: string) => (
    <TextField name={name} label={label} help={help} error={state.fieldErrors[name]?.[0]} type="password" autoComplete="new-password" required />
  );
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <div role="status" aria-live="polite">
        {state.status === "error" && <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">{state.message}</p>}
      </div>
      {field(
        "password",
        "New password",
        "At least 12 characters besides spaces, your name and your email address, and not a commonly used password. A few unrelated words work well.",
      )}
      {field("confirmation", "Type it again")}
      <button type="submit" disabled={pending} className="w-full rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        Set password
      </button>
    </form>
  );
}
