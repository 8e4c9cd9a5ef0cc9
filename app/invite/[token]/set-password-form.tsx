"use client";

import { useActionState } from "react";
import { Button } from "@/app/_components/button";
import { StatusMessage } from "@/app/_components/status-message";
import { TextField } from "@/app/_components/text-field";
import type { NewPasswordField } from "@/server/auth/password-policy";
import type { FormState } from "@/server/form-state";
import { setPasswordAction } from "./actions";

const initial: FormState<NewPasswordField> = { status: "idle", message: "", fieldErrors: {} };

/** `minLength`: the password policy's minimum (server/auth/password-policy), passed by the page. */
export function SetPasswordForm({ token, email, minLength }: { token: string; email: string; minLength: number }) {
  const [state, formAction, pending] = useActionState(setPasswordAction, initial);
  const field = (name: NewPasswordField, label: string, help?: string) => (
    <TextField name={name} label={label} help={help} error={state.fieldErrors[name]?.[0]} type="password" autoComplete="new-password" required />
  );
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <StatusMessage variant="banner" status={state.status}>
        {state.message}
      </StatusMessage>
      {field(
        "password",
        "New password",
        `At least ${minLength} characters besides spaces, your name and your email address, and not a commonly used password. A few unrelated words work well.`,
      )}
      {field("confirmation", "Type it again")}
      <Button type="submit" className="w-full" pending={pending}>
        Set password
      </Button>
    </form>
  );
}
