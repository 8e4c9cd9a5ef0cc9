"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { NewPasswordField } from "@/server/auth/password-policy";
import { throttleAddress } from "@/server/client-address";
import { redeemInvitation } from "@/server/dal/invitations";
import { getDb } from "@/server/db";
import type { FormState } from "@/server/form-state";

const token = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/**
 * Sets the password behind a one-time link. The link is the credential, so no session is
 * needed. The password can only be judged once the link says whose it is, so the whole
 * form goes to redeemInvitation, which looks the link up before any costly work.
 */
export async function setPasswordAction(_previous: FormState<NewPasswordField>, formData: FormData): Promise<FormState<NewPasswordField>> {
  const parsedToken = token.safeParse(formData.get("token"));
  if (!parsedToken.success) return { status: "error", message: "This link is not valid.", fieldErrors: {} };
  const redeemed = await redeemInvitation(
    await getDb(),
    parsedToken.data,
    { password: formData.get("password"), confirmation: formData.get("confirmation") },
    throttleAddress(await headers()),
  );
  if (redeemed.outcome !== "set") return { status: "error", message: redeemed.message, fieldErrors: redeemed.fieldErrors };
  redirect("/login?password=set");
}
