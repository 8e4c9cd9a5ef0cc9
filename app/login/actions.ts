"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn } from "@/server/auth";
import { signInSchema } from "@/server/auth/credentials";
import type { FormState } from "@/server/form-state";

export type SignInField = "email" | "password";

// One message for an unknown email, a wrong password and a deactivated account alike.
const INVALID = "That email and password do not match an active account.";
const THROTTLED = "Too many failed sign-in attempts. Wait 15 minutes, then try again.";
const UNAVAILABLE = "Sign-in is not available right now. Please try again in a minute.";

/**
 * Only a path on this site may follow sign-in: never another origin (`//host`, `/\host`),
 * and nothing with a space, a control character or a backslash in it, which would break
 * the redirect header. Anything else goes home.
 */
const SAFE_PATH = /^\/(?![/\\])[^\s\\\x00-\x1f\x7f]*$/;
function safeRedirect(value: FormDataEntryValue | null): string {
  return typeof value === "string" && SAFE_PATH.test(value) ? value : "/";
}

export async function signInAction(_previous: FormState<SignInField>, formData: FormData): Promise<FormState<SignInField>> {
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  const values = { email: String(formData.get("email") ?? "") };
  if (!parsed.success) {
    return {
      status: "error",
      message: "Check the highlighted fields.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
      values,
    };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeRedirect(formData.get("callbackUrl")) });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error; // Next.js's redirect after success travels as an error.
    const throttled = error instanceof CredentialsSignin && error.code === "throttled";
    const message = throttled ? THROTTLED : error.type === "CredentialsSignin" ? INVALID : UNAVAILABLE;
    return { status: "error", message, fieldErrors: {}, values };
  }
  return { status: "success", message: "Signed in.", fieldErrors: {} };
}
