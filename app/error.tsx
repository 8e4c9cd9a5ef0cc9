"use client";

import { Button } from "@/app/_components/button";

/** Shown when a page fails. It says nothing about why: no stack trace, no query, no data. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="mt-2 text-slate-700">The page could not be shown just now. Nothing you submitted was half-saved. Please try again in a moment.</p>
      <Button type="button" onClick={reset} className="mt-4">
        Try again
      </Button>
    </main>
  );
}
