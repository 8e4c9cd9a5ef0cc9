"use server";

import { z } from "zod";
import { uuidField } from "@/lib/ids";
import { managerChoiceSchema, personDetailsSchema } from "@/lib/org-import/person";
import { runAction } from "@/server/action";
import { siteOrigin } from "@/server/site-origin";
import { INVITATION_DAYS, issueSignInLink } from "@/server/dal/invitations";
import { setManager, setPersonActive, updatePerson } from "@/server/dal/people";
import { getDb } from "@/server/db";
import type { FormState } from "@/server/form-state";
import { mailTransport } from "@/server/mail";

export type PersonField = "name";
export type PersonState = FormState<PersonField>;
export type ManagerState = FormState<"managerId">;
export type InvitationState = FormState & { link?: string };

const personId = z.object({ personId: uuidField("Unknown person.") });
const withPersonId = (formData: FormData) => ({ personId: formData.get("personId") });

/** What every change of a person shares: the administrators' gate and the log line. Each revalidates the person's own page. */
const personChange = { name: "person change", gate: "admin", can: "manage people", hidden: ["personId"] } as const;
const personPage = ({ personId }: { personId: string }) => [`/admin/people/${personId}`];

const typed = (formData: FormData) => ({ name: String(formData.get("name") ?? "") });

/** Name and admin flag; the manager has a picker and an action of its own. */
export async function updatePersonAction(_previous: PersonState, formData: FormData): Promise<PersonState> {
  return runAction(formData, {
    ...personChange,
    echo: typed,
    schema: personId.and(personDetailsSchema),
    input: (formData) => ({ ...withPersonId(formData), ...typed(formData), isAdmin: formData.get("isAdmin") === "on" }),
    run: async ({ viewer, input: { personId, ...person } }) => {
      await updatePerson(await getDb(), viewer, personId, person);
      return "Saved.";
    },
    revalidate: personPage,
  });
}

/**
 * The manager picker's choice: an active person found by the search (never anyone below
 * this person, whom the search leaves out and the data access layer refuses), or nobody.
 */
export async function setManagerAction(_previous: ManagerState, formData: FormData): Promise<ManagerState> {
  return runAction(formData, {
    ...personChange,
    echo: (formData) => ({ managerId: String(formData.get("managerId") ?? "") }),
    schema: personId.extend({ managerId: managerChoiceSchema }),
    input: (formData) => ({ ...withPersonId(formData), managerId: formData.get("managerId") ?? undefined }),
    run: async ({ viewer, input: { personId, managerId } }) => {
      const { changed, personName, managerName } = await setManager(await getDb(), viewer, personId, managerId);
      const now = managerName === null ? `${personName} is at the top of the organisation` : `${personName} reports to ${managerName}`;
      return changed ? `Manager changed: ${now}.` : `Nothing to change: ${now} already.`;
    },
    // The reporting tree decides what every page shows to whom.
    revalidate: [["/", "layout"]],
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
