"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { newPasswordSchema } from "@/server/auth/password-policy";
import { redeemInvitation } from "@/server/dal/invitations";
import { getDb } from "@/server/db";
import type { FormState } from "@/server/form-state";

export type NewPasswordField = "password" | "confirmation";

const token = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** Sets the password behind a one-time link. The link is the credential, so no session is needed. */
export async function setPasswordAction(_previous: FormState<NewPasswordField>, formData: FormData): Promise<FormState<NewPasswordField>> {
  const parsedToken = token.safeParse(formData.get("token"));
  const parsed = newPasswordSchema.safeParse({ password: formData.get("password"), confirmation: formData.get("confirmation") });
  if (!parsedToken.success) return { status: "error", message: "This link is not valid.", fieldErrors: {} };
  if (!parsed.success) return { status: "error", message: "Check the highlighted fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const redeemed = await redeemInvitation(await getDb(), parsedToken.data, parsed.data.password);
  if (!redeemed) {
    return { status: "error", message: "This link has expired, has been replaced by a newer one, or has already been used. Ask for a new one on the sign-in page.", fieldErrors: {} };
  }
  redirect("/login?password=set");
}
