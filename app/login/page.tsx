import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentViewer } from "@/server/dal/session";
import { DEMO_PASSWORD, demoAccounts } from "@/server/demo";
import { env } from "@/server/env";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; password?: string }> }) {
  if (await currentViewer()) redirect("/");
  const { callbackUrl, password } = await searchParams;
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
        <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <LoginForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : "/"} />
        </div>
        <p className="mt-4 text-sm">
          <Link href="/login/forgot" className="text-brand-700 underline">
            Forgot password?
          </Link>
        </p>
      </section>
      {env.FULCRUM_DEMO && (
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
