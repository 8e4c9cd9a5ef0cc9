"use client";

import "./globals.css";
import { Button } from "@/app/_components/button";

/** The last resort, when even the root layout fails. It reveals nothing about the failure. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      {/* The root layout, and with it the page's metadata, is what failed: the title is set here. */}
      <title>Fulcrum is unavailable</title>
      <body className="min-h-screen">
        <main className="mx-auto max-w-xl px-4 py-16">
          <h1 className="text-2xl font-bold">Fulcrum is unavailable</h1>
          <p className="mt-2">Please try again in a minute.</p>
          <Button type="button" variant="secondary" onClick={reset} className="mt-4">
            Try again
          </Button>
        </main>
      </body>
    </html>
  );
}
