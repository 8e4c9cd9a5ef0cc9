"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { runAction } from "@/server/action";
import { signIn } from "@/server/auth";
import { signInSchema } from "@/server/auth/credentials";
import { OIDC_PROVIDER_ID } from "@/server/auth/oidc";
import { THROTTLE_WINDOW_MINUTES } from "@/server/auth/throttle";
import { env } from "@/server/env";
import type { FormState } from "@/server/form-state";

export type SignInField = "email" | "password";

// One message for an unknown email, a wrong password and a deactivated account alike.
const INVALID = "That email and password do not match an active account.";
const THROTTLED = `Too many failed sign-in attempts. Wait ${THROTTLE_WINDOW_MINUTES} minutes, then try again.`;
const UNAVAILABLE = "Sign-in is not available right now. Please try again in a minute.";
const PASSWORD_SIGN_IN_OFF = `Password sign-in is off here. Sign in with ${env.oidc?.name ?? "your company account"}.`;

/**
 * Only a path on this site may follow sign-in: never another origin (`//host`, `/\host`),
 * and nothing with a space, a control character or a backslash in it, which would break
 * the redirect header. Anything else goes home.
 */
const SAFE_PATH = /^\/(?![/\\])[^\s\\\x00-\x1f\x7f]*$/;
function safeRedirect(value: FormDataEntryValue | null): string {
  return typeof value === "string" && SAFE_PATH.test(value) ? value : "/";
}

/** Auth.js reports a refused sign-in as an AuthError; the success is Next.js's redirect, which the pipeline lets through. */
function refusal(error: unknown) {
  if (!(error instanceof AuthError)) return undefined;
  if (error instanceof CredentialsSignin && error.code === "throttled") return THROTTLED;
  return error.type === "CredentialsSignin" ? INVALID : UNAVAILABLE;
}

export async function signInAction(_previous: FormState<SignInField>, formData: FormData): Promise<FormState<SignInField>> {
  // Switched off, a password signs nobody in, whatever posts it; the page offers no form.
  if (!env.passwordSignIn) return { status: "error", message: PASSWORD_SIGN_IN_OFF, fieldErrors: {} };
  return runAction(formData, {
    name: "sign-in",
    gate: "anyone",
    echo: (formData) => ({ email: String(formData.get("email") ?? "") }),
    schema: signInSchema,
    input: (formData) => ({ email: formData.get("email"), password: formData.get("password") }),
    run: async ({ input, formData }) => signIn("credentials", { ...input, redirectTo: safeRedirect(formData.get("callbackUrl")) }),
    refusal,
  });
}

/**
 * "Sign in with <provider>": sends the browser to the company's OpenID Connect provider,
 * with the state, nonce and PKCE verifier in short-lived cookies of Auth.js. The provider
 * sends it back to /api/auth/callback/oidc, which signs the person in, or comes back to the
 * sign-in page with the reason it did not.
 */
export async function companySignInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  if (!env.oidc) return { status: "error", message: "Sign-in through a company account is not set up here.", fieldErrors: {} };
  return runAction(formData, {
    name: "company sign-in",
    gate: "anyone",
    run: async ({ formData }) => signIn(OIDC_PROVIDER_ID, { redirectTo: safeRedirect(formData.get("callbackUrl")) }),
    // The provider could not be reached or answered nonsense: the person can only try again later.
    refusal: (error) => (error instanceof AuthError ? UNAVAILABLE : undefined),
    unexpected: UNAVAILABLE,
  });
}
