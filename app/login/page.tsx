import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentViewer } from "@/server/dal/session";
import { DEMO_PASSWORD, demoAccounts } from "@/server/demo";
import { env } from "@/server/env";
import { OIDC_REFUSALS, type OidcRefusal } from "@/server/auth/oidc";
import { CompanySignIn } from "./company-sign-in";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

/**
 * Why a sign-in through the company's provider signed nobody in. An address that is not in
 * the organisation and one that is deactivated get the same answer: it tells nobody which
 * accounts exist. Anything else (a state that does not match, a provider that refused or
 * could not be reached) is a sign-in that did not complete.
 */
function companyRefusal(name: string, error: string | undefined): string | undefined {
  if (error === undefined) return undefined;
  const messages: Record<OidcRefusal, string> = {
    "oidc-unverified": `${name} has not verified the email address of your account, so Fulcrum cannot tell who you are. Verify it there, or ask your Fulcrum administrator.`,
    "oidc-not-admitted": `Your ${name} sign-in worked, but its email address is not that of an active person in Fulcrum. Ask your Fulcrum administrator.`,
  };
  return (OIDC_REFUSALS as readonly string[]).includes(error)
    ? messages[error as OidcRefusal]
    : `Signing in with ${name} did not complete. Please try again; if it keeps failing, ask your Fulcrum administrator.`;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; password?: string; error?: string }> }) {
  if (await currentViewer()) redirect("/");
  const { callbackUrl, password, error } = await searchParams;
  const next = typeof callbackUrl === "string" ? callbackUrl : "/";
  return (
    <main className="mx-auto grid max-w-5xl gap-10 px-4 py-12 md:grid-cols-[22rem_1fr]">
      <section aria-labelledby="sign-in-heading">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Fulcrum</p>
        <h1 id="sign-in-heading" className="mt-1 text-2xl font-bold">
          Sign in
        </h1>
        <p className="mt-2 text-sm text-slate-700">Rate your manager anonymously, and see where you stand between managing and leading.</p>
        {password === "set" && (
          <p className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            Your password is set. Sign in with it now.
          </p>
        )}
        {env.oidc && (
          <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
            <CompanySignIn name={env.oidc.name} callbackUrl={next} refusal={companyRefusal(env.oidc.name, typeof error === "string" ? error : undefined)} />
          </div>
        )}
        {env.passwordSignIn && (
          <>
            <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
              {env.oidc && <h2 className="mb-4 text-base font-semibold">Or with your Fulcrum password</h2>}
              <LoginForm callbackUrl={next} />
            </div>
            <p className="mt-4 text-sm">
              <Link href="/login/forgot" className="text-brand-700 underline">
                Forgot password?
              </Link>
            </p>
          </>
        )}
      </section>
      {env.FULCRUM_DEMO && env.passwordSignIn && (
        <section aria-labelledby="demo-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-6">
          <h2 id="demo-heading" className="text-lg font-semibold">
            Demo accounts
          </h2>
          <p className="mt-1 text-sm">
            This is a demo organisation. Every account uses the password <code className="font-mono font-semibold">{DEMO_PASSWORD}</code>.
          </p>
          <table className="mt-4 w-full text-left text-sm">
            <caption className="sr-only">Demo accounts and what each one sees</caption>
            <thead>
              <tr className="border-b border-amber-300">
                <th scope="col" className="py-1 pr-3">
                  Who
                </th>
                <th scope="col" className="py-1 pr-3">
                  Email
                </th>
                <th scope="col" className="py-1">
                  What they see
                </th>
              </tr>
            </thead>
            <tbody>
              {demoAccounts().map((account) => (
                <tr key={account.email} className="border-b border-amber-200 align-top">
                  <td className="py-1 pr-3">{account.name}</td>
                  <td className="py-1 pr-3 font-mono text-xs break-all">{account.email}</td>
                  <td className="py-1">{account.role}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </main>
  );
}
