import type { Metadata } from "next";
import Link from "next/link";
import { INVITATION_DAYS, PASSWORD_LINKS_OFF } from "@/server/dal/invitations";
import { env } from "@/server/env";
import { ForgotPasswordForm } from "./forgot-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  // A link in an email must point at the address people really use, never at whatever
  // host a request claims: without FULCRUM_PUBLIC_URL the page offers no form.
  const emailOn = Boolean(env.SMTP_URL && env.FULCRUM_PUBLIC_URL);
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Fulcrum</p>
      <h1 className="mt-1 text-2xl font-bold">Forgot your password?</h1>
      {!env.passwordSignIn ? (
        <p className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4">{PASSWORD_LINKS_OFF}</p>
      ) : emailOn ? (
        <>
          <p className="mt-2 text-sm text-slate-700">
            Enter your work email. We email you a link to set a new password: it works once, for {INVITATION_DAYS} days, and only you receive it.
          </p>
          <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
            <ForgotPasswordForm />
          </div>
        </>
      ) : (
        <p className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4">
          Email is off on this Fulcrum, so no link can be sent. Ask your administrator to help you sign in.
        </p>
      )}
      <p className="mt-6 text-sm">
        <Link href="/login" className="text-brand-700 underline">
          Back to sign in
        </Link>
      </p>
    </main>
  );
}
