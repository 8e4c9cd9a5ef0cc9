import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { uuidSchema } from "@/lib/ids";
import { INVITATION_DAYS } from "@/server/dal/invitations";
import { getPerson, searchManagerCandidates } from "@/server/dal/people";
import { requireViewer } from "@/server/dal/session";
import { getDb } from "@/server/db";
import { env } from "@/server/env";
import { mailTransport } from "@/server/mail";
import { ManagerSearch } from "../_components/manager-search";
import { MANAGER_SEARCH_PARAM, managerSearchSummary, readManagerSearch } from "../_components/manager-search-params";
import { ActiveToggle, InvitationButton, ManagerForm, PersonForm } from "./person-forms";

export const metadata: Metadata = { title: "Person" };

export default async function PersonPage(props: {
  params: Promise<{ personId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  if (!viewer.isAdmin) notFound();
  const id = uuidSchema.safeParse((await props.params).personId);
  if (!id.success) notFound();
  const db = await getDb();
  const person = await getPerson(db, viewer, id.data);
  if (!person) notFound();
  const managerQuery = readManagerSearch(await props.searchParams);
  const found = managerQuery ? await searchManagerCandidates(db, viewer, { query: managerQuery, forPersonId: person.id }) : { rows: [], total: 0 };
  const emailOn = mailTransport() !== null;
  return (
    <div className="space-y-8">
      <p>
        <Link href="/admin/people">← All people</Link>
      </p>
      <header>
        <h1 className="text-2xl font-bold">{person.name}</h1>
        <p className="text-slate-700">
          {person.email} · {person.isActive ? "Active" : "Deactivated"}
          {person.isActive && env.passwordSignIn && !person.hasPassword && " · has not set a password yet"}
        </p>
      </header>
      <section aria-labelledby="details-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="details-heading" className="mb-3 text-lg font-semibold">
          Details
        </h2>
        <PersonForm personId={person.id} name={person.name} isAdmin={person.isAdmin} />
      </section>
      <section id="manager" aria-labelledby="manager-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="manager-heading" className="text-lg font-semibold">
          Manager
        </h2>
        <p>
          {person.managerName === null
            ? `${person.name} is at the top of the organisation: no manager.`
            : `${person.name} reports to ${person.managerName} (${person.managerEmail})${person.managerIsActive ? "" : ", who is deactivated"}.`}
        </p>
        <ManagerSearch
          path={`/admin/people/${person.id}`}
          fragment="manager"
          id={`${MANAGER_SEARCH_PARAM}-search`}
          label="Find a new manager by name or email"
          defaultValue={managerQuery}
          summary={managerSearchSummary(managerQuery, found, `${person.name} and the people below them are left out: they cannot be their manager.`)}
        />
        <ManagerForm personId={person.id} personName={person.name} candidates={found.rows} />
      </section>
      {/* With password sign-in off, people sign in through the company's provider: there is no password to set. */}
      {person.isActive && env.passwordSignIn && (
        <section aria-labelledby="link-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="link-heading" className="text-lg font-semibold">
            Sign-in link
          </h2>
          <p className="mb-3 max-w-2xl text-sm text-slate-700">
            A one-time link to set a password, valid for {INVITATION_DAYS} days, to invite someone or to reset a forgotten password.
            {emailOn
              ? " It is emailed to them, and never shown here: nobody but them can use it."
              : " Email is off (no SMTP server is set), so a link can only be shown here, and only for someone who has never had a password."}
          </p>
          {emailOn || !person.hasPassword ? (
            <InvitationButton
              personId={person.id}
              label={emailOn ? (person.hasPassword ? "Email a password reset link" : "Email an invitation link") : "Create an invitation link"}
            />
          ) : (
            <p className="text-sm">
              {person.name} already has a password. They can sign in with it; without email, no link can reach them but through you, and a link that sets
              someone&apos;s password is never shown to an administrator.
            </p>
          )}
        </section>
      )}
      <section aria-labelledby="status-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="status-heading" className="mb-3 text-lg font-semibold">
          {person.isActive ? "Deactivate" : "Reactivate"}
        </h2>
        <p className="mb-3 text-sm text-slate-700">
          {person.isActive
            ? "A deactivated person cannot sign in, and a session they already hold ends on their next click. Past answers stay, anonymous."
            : `Reactivating lets them sign in again${env.passwordSignIn ? " with their password" : ""}.`}
        </p>
        <ActiveToggle personId={person.id} isActive={person.isActive} />
      </section>
    </div>
  );
}
