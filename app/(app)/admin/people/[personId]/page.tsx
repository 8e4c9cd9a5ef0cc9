import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getPerson } from "@/server/dal/people";
import { requireViewer } from "@/server/dal/session";
import { getDb } from "@/server/db";
import { ActiveToggle, InvitationButton, PersonForm } from "./person-forms";

export const metadata: Metadata = { title: "Person" };

export default async function PersonPage(props: { params: Promise<{ personId: string }> }) {
  const viewer = await requireViewer();
  if (!viewer.isAdmin) notFound();
  const id = z.uuid().safeParse((await props.params).personId);
  if (!id.success) notFound();
  const person = await getPerson(await getDb(), viewer, id.data);
  if (!person) notFound();
  return (
    <div className="space-y-8">
      <p>
        <Link href="/admin/people">← All people</Link>
      </p>
      <header>
        <h1 className="text-2xl font-bold">{person.name}</h1>
        <p className="text-slate-700">
          {person.email} · {person.isActive ? "Active" : "Deactivated"}
          {person.isActive && !person.hasPassword && " · has not set a password yet"}
        </p>
      </header>
      <section aria-labelledby="details-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="details-heading" className="mb-3 text-lg font-semibold">
          Details
        </h2>
        <PersonForm personId={person.id} name={person.name} managerEmail={person.managerEmail ?? ""} isAdmin={person.isAdmin} />
      </section>
      {person.isActive && (
        <section aria-labelledby="link-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="link-heading" className="text-lg font-semibold">
            Sign-in link
          </h2>
          <p className="mb-3 text-sm text-slate-700">
            A one-time link to set a password, valid for 7 days. Use it to invite someone or to reset a forgotten password.
          </p>
          <InvitationButton personId={person.id} label={person.hasPassword ? "Create a password reset link" : "Create an invitation link"} />
        </section>
      )}
      <section aria-labelledby="status-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="status-heading" className="mb-3 text-lg font-semibold">
          {person.isActive ? "Deactivate" : "Reactivate"}
        </h2>
        <p className="mb-3 text-sm text-slate-700">
          {person.isActive
            ? "A deactivated person cannot sign in, and a session they already hold ends on their next click. Past answers stay, anonymous."
            : "Reactivating lets them sign in again with their password."}
        </p>
        <ActiveToggle personId={person.id} isActive={person.isActive} />
      </section>
    </div>
  );
}
