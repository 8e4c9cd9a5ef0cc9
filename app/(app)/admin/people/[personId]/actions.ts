"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { uuidField } from "@/lib/ids";
import { runAction } from "@/server/action";
import { INVITATION_DAYS, issueSignInLink } from "@/server/dal/invitations";
import { personInputSchema, setPersonActive, updatePerson } from "@/server/dal/people";
import { getDb } from "@/server/db";
import { env } from "@/server/env";
import type { FormState } from "@/server/form-state";
import { mailTransport } from "@/server/mail";

export type PersonField = "name" | "managerEmail";
export type PersonState = FormState<PersonField>;
export type InvitationState = FormState & { link?: string };

const personId = z.object({ personId: uuidField("Unknown person.") });
const withPersonId = (formData: FormData) => ({ personId: formData.get("personId") });

/** What every change of a person shares: the administrators' gate and the log line. Each revalidates the person's own page. */
const personChange = { name: "person change", gate: "admin", can: "manage people", hidden: ["personId"] } as const;
const personPage = ({ personId }: { personId: string }) => [`/admin/people/${personId}`];

const typed = (formData: FormData) => ({ name: String(formData.get("name") ?? ""), managerEmail: String(formData.get("managerEmail") ?? "") });

export async function updatePersonAction(_previous: PersonState, formData: FormData): Promise<PersonState> {
  return runAction(formData, {
    ...personChange,
    echo: typed,
    schema: personId.and(personInputSchema),
    input: (formData) => ({ ...withPersonId(formData), ...typed(formData), isAdmin: formData.get("isAdmin") === "on" }),
    run: async ({ viewer, input: { personId, ...person } }) => {
      await updatePerson(await getDb(), viewer, personId, person);
      return "Saved.";
    },
    revalidate: personPage,
  });
}

export async function setActiveAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, {
    ...personChange,
    schema: personId.extend({ active: z.boolean() }),
    input: (formData) => ({ ...withPersonId(formData), active: formData.get("active") === "true" }),
    run: async ({ viewer, input: { personId, active } }) => {
      await setPersonActive(await getDb(), viewer, personId, active);
      return active ? "Reactivated." : "Deactivated: any session they hold has ended.";
    },
    revalidate: personPage,
  });
}

/** The site's own address, for links: configured, or else the one this request came to. */
async function siteOrigin() {
  if (env.FULCRUM_PUBLIC_URL) return env.FULCRUM_PUBLIC_URL.replace(/\/$/, "");
  const requestHeaders = await headers();
  return `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${requestHeaders.get("host")}`;
}

export async function createInvitationAction(_previous: InvitationState, formData: FormData): Promise<InvitationState> {
  return runAction(formData, {
    ...personChange,
    schema: personId,
    input: withPersonId,
    run: async ({ viewer, input }) => {
      const sent = await issueSignInLink(await getDb(), viewer, input.personId, { origin: await siteOrigin(), mailer: mailTransport() });
      if (sent.delivery === "emailed") return `Link emailed to ${sent.email}. It works once, for ${INVITATION_DAYS} days; nobody else sees it.`;
      const message = `Link created. Copy it and send it to them: it works once, for ${INVITATION_DAYS} days, and is not shown again.`;
      return { message, link: sent.link };
    },
  });
}
