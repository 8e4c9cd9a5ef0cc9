"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ForbiddenError } from "@/server/dal/errors";
import { INVITATION_DAYS, issueSignInLink } from "@/server/dal/invitations";
import { PersonRuleError, personInputSchema, setPersonActive, updatePerson } from "@/server/dal/people";
import { adminGate } from "@/server/dal/admin-gate";
import type { Viewer } from "@/server/dal/viewer";
import { getDb } from "@/server/db";
import { env } from "@/server/env";
import type { FormState } from "@/server/form-state";
import { mailTransport } from "@/server/mail";

export type PersonField = "name" | "managerEmail";
export type PersonState = FormState<PersonField>;
export type InvitationState = FormState & { link?: string };

const personId = z.uuid();
const failed = (message: string) => ({ status: "error" as const, message, fieldErrors: {} });

const MANAGE = "manage people";

/** For an administrator let through the gate: maps the data layer's refusals to messages; other errors say nothing. */
async function asAdmin<State extends FormState>(viewer: Viewer, work: (viewer: Viewer) => Promise<State>): Promise<State | ReturnType<typeof failed>> {
  try {
    return await work(viewer);
  } catch (error) {
    if (error instanceof PersonRuleError) return failed(error.message);
    if (error instanceof ForbiddenError) return failed(`Only administrators can ${MANAGE}.`);
    console.error(`person change failed: ${error instanceof Error ? error.name : "unknown error"}`);
    return failed("That did not work, and nothing was changed. Please try again.");
  }
}

export async function updatePersonAction(_previous: PersonState, formData: FormData): Promise<PersonState> {
  const values = { name: String(formData.get("name") ?? ""), managerEmail: String(formData.get("managerEmail") ?? "") };
  const { viewer, refusal } = await adminGate(MANAGE);
  if (refusal !== undefined) return { ...failed(refusal), values };
  const id = personId.safeParse(formData.get("personId"));
  const parsed = personInputSchema.safeParse({ ...values, isAdmin: formData.get("isAdmin") === "on" });
  if (!id.success) return failed("Unknown person.");
  if (!parsed.success) {
    return { status: "error", message: "Check the highlighted fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  }
  const result = await asAdmin(viewer, async (viewer) => {
    await updatePerson(await getDb(), viewer, id.data, parsed.data);
    revalidatePath(`/admin/people/${id.data}`);
    return { status: "success" as const, message: "Saved.", fieldErrors: {} };
  });
  return { ...result, values };
}

export async function setActiveAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { viewer, refusal } = await adminGate(MANAGE);
  if (refusal !== undefined) return failed(refusal);
  const id = personId.safeParse(formData.get("personId"));
  if (!id.success) return failed("Unknown person.");
  const active = formData.get("active") === "true";
  return asAdmin(viewer, async (viewer) => {
    await setPersonActive(await getDb(), viewer, id.data, active);
    revalidatePath(`/admin/people/${id.data}`);
    return { status: "success" as const, message: active ? "Reactivated." : "Deactivated: any session they hold has ended.", fieldErrors: {} };
  });
}

/** The site's own address, for links: configured, or else the one this request came to. */
async function siteOrigin() {
  if (env.FULCRUM_PUBLIC_URL) return env.FULCRUM_PUBLIC_URL.replace(/\/$/, "");
  const requestHeaders = await headers();
  return `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${requestHeaders.get("host")}`;
}

export async function createInvitationAction(_previous: InvitationState, formData: FormData): Promise<InvitationState> {
  const { viewer, refusal } = await adminGate(MANAGE);
  if (refusal !== undefined) return failed(refusal);
  const id = personId.safeParse(formData.get("personId"));
  if (!id.success) return failed("Unknown person.");
  return asAdmin(viewer, async (viewer) => {
    const sent = await issueSignInLink(await getDb(), viewer, id.data, { origin: await siteOrigin(), mailer: mailTransport() });
    if (sent.delivery === "emailed") {
      return {
        status: "success" as const,
        message: `Link emailed to ${sent.email}. It works once, for ${INVITATION_DAYS} days; nobody else sees it.`,
        fieldErrors: {},
      };
    }
    const message = `Link created. Copy it and send it to them: it works once, for ${INVITATION_DAYS} days, and is not shown again.`;
    return { status: "success" as const, message, fieldErrors: {}, link: sent.link };
  });
}
