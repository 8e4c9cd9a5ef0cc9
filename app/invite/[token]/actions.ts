"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { runAction } from "@/server/action";
import type { NewPasswordField } from "@/server/auth/password-policy";
import { throttleAddress } from "@/server/client-address";
import { redeemInvitation } from "@/server/dal/invitations";
import { getDb } from "@/server/db";
import type { FormState } from "@/server/form-state";

const NOT_VALID = "This link is not valid.";
const linkSchema = z.object({ token: z.string({ error: NOT_VALID }).regex(/^[A-Za-z0-9_-]{43}$/, { error: NOT_VALID }) });

/**
 * Sets the password behind a one-time link. The link is the credential, so no session is
 * needed. The password can only be judged once the link says whose it is, so the whole
 * form goes to redeemInvitation, which looks the link up before any costly work.
 */
export async function setPasswordAction(_previous: FormState<NewPasswordField>, formData: FormData): Promise<FormState<NewPasswordField>> {
  return runAction(formData, {
    name: "password set",
    gate: "anyone",
    schema: linkSchema,
    input: (formData) => ({ token: formData.get("token") }),
    hidden: ["token"],
    run: async ({ input, formData }) => {
      const redeemed = await redeemInvitation(
        await getDb(),
        input.token,
        { password: formData.get("password"), confirmation: formData.get("confirmation") },
        throttleAddress(await headers()),
      );
      if (redeemed.outcome !== "set") return { status: "error", message: redeemed.message, fieldErrors: redeemed.fieldErrors };
      redirect("/login?password=set");
    },
  });
}
