"use server";

import { after } from "next/server";
import { headers } from "next/headers";
import { runAction } from "@/server/action";
import { signInSchema } from "@/server/auth/credentials";
import { throttleAddress } from "@/server/client-address";
import { recordAttempt, THROTTLE_WINDOW_MINUTES } from "@/server/auth/throttle";
import { INVITATION_DAYS, PASSWORD_LINKS_OFF, requestPasswordReset } from "@/server/dal/invitations";
import { getDb } from "@/server/db";
import { env } from "@/server/env";
import type { FormState } from "@/server/form-state";
import { mailTransport } from "@/server/mail";

export type ResetField = "email";

const resetSchema = signInSchema.pick({ email: true });

// The same answer whether or not the address has an account.
const SENT = `If an active Fulcrum account uses that address, a link to set a new password is on its way to it. The link works once, for ${INVITATION_DAYS} days.`;

const typed = (formData: FormData) => ({ email: String(formData.get("email") ?? "") });

/**
 * "Forgot password?": emails the person a one-time link. The lookup and the email run after
 * the response has gone (`after`), so neither the answer nor its timing tells whether the
 * address has an account. Throttled per address and per client address.
 */
export async function requestResetAction(_previous: FormState<ResetField>, formData: FormData): Promise<FormState<ResetField>> {
  if (!env.passwordSignIn) return { status: "error", message: PASSWORD_LINKS_OFF, fieldErrors: {} };
  const mailer = mailTransport();
  const origin = env.FULCRUM_PUBLIC_URL;
  // Said before the address is checked: without email, no address could get a link.
  if (!mailer || !origin) return { status: "error", message: "Email is off here, so no link can be sent. Ask your administrator.", fieldErrors: {} };
  return runAction(formData, {
    name: "password reset request",
    gate: "anyone",
    echo: typed,
    // Once a link is on its way there is nothing to correct: the form starts empty again.
    clearOnSuccess: true,
    schema: resetSchema,
    input: typed,
    invalid: "Check the highlighted field.",
    run: async ({ input }) => {
      const db = await getDb();
      const attempt = await recordAttempt(db, { email: input.email, ip: throttleAddress(await headers()) }, "reset");
      if (attempt.throttled) return { status: "error", message: `Too many requests for a link. Wait ${THROTTLE_WINDOW_MINUTES} minutes, then try again.` };
      after(() => requestPasswordReset(db, input.email, { origin, mailer }));
      return SENT;
    },
  });
}
