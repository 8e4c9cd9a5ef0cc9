"use client";

import { useActionState } from "react";
import { Button } from "@/app/_components/button";
import { StatusMessage } from "@/app/_components/status-message";
import type { FormState } from "@/server/form-state";
import { companySignInAction } from "./actions";

const initial: FormState = { status: "idle", message: "", fieldErrors: {} };

/** "Sign in with <provider>": one button, to the company's OpenID Connect provider and back. */
export function CompanySignIn({ name, callbackUrl, refusal }: { name: string; callbackUrl: string; refusal?: string }) {
  const [state, formAction, pending] = useActionState(companySignInAction, initial);
  // Why the provider's last answer signed nobody in, until this form has something newer to say.
  const message = state.status === "error" ? state.message : refusal;
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <StatusMessage variant="banner" status={message ? "error" : "idle"} className="min-h-6">
        {message}
      </StatusMessage>
      <Button type="submit" className="w-full" pending={pending} pendingLabel="Signing in…">
        Sign in with {name}
      </Button>
    </form>
  );
}
