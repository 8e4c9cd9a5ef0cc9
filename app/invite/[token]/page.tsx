import type { Metadata } from "next";
import Link from "next/link";
import { PASSWORD_MIN_LENGTH } from "@/server/auth/password-policy";
import { inspectInvitation, PASSWORD_LINKS_OFF } from "@/server/dal/invitations";
import { getDb } from "@/server/db";
import { env } from "@/server/env";
import { SetPasswordForm } from "./set-password-form";

export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };

export default async function InvitationPage(props: { params: Promise<{ token: string }> }) {
  const { token } = await props.params;
  const invitation = /^[A-Za-z0-9_-]{43}$/.test(token) ? await inspectInvitation(await getDb(), token) : null;
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Fulcrum</p>
      <h1 className="mt-1 text-2xl font-bold">Set your password</h1>
      {!env.passwordSignIn ? (
        <p className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4">
          {PASSWORD_LINKS_OFF} <Link href="/login">Sign in</Link>.
        </p>
      ) : invitation ? (
        <>
          <p className="mt-2 text-slate-700">
            Welcome, {invitation.name}. Choose a password for {invitation.email}.
          </p>
          <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
            <SetPasswordForm token={token} email={invitation.email} minLength={PASSWORD_MIN_LENGTH} />
          </div>
        </>
      ) : (
        <p className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4">
          This link has expired, has been replaced by a newer one, or has already been used. <Link href="/login/forgot">Ask for a new one</Link>, or{" "}
          <Link href="/login">sign in</Link>.
        </p>
      )}
    </main>
  );
}
