"use client";

import { Button } from "@/app/_components/button";

interface SurveyPagerProps {
  index: number;
  count: number;
  go: (index: number) => void;
  pending: boolean;
  submitted: boolean;
}

/**
 * The foot of the survey. On a phone, Previous and Next step through the parts and Submit
 * waits on the last one; on a wider screen, or without JavaScript, Submit is all there is.
 * Without JavaScript nothing keeps a draft, so nothing promises one.
 */
export function SurveyPager({ index, count, go, pending, submitted }: SurveyPagerProps) {
  const last = index === count - 1;
  return (
    <div className="flex flex-wrap items-center gap-3 max-sm:justify-between">
      {index > 0 && (
        <Button type="button" variant="secondary" size="lg" className="unscripted:hidden sm:hidden" onClick={() => go(index - 1)}>
          Previous
        </Button>
      )}
      {!last && (
        <Button type="button" size="lg" className="ml-auto unscripted:hidden sm:hidden" onClick={() => go(index + 1)}>
          Next
        </Button>
      )}
      <Button
        type="submit"
        size="lg"
        pending={pending}
        pendingLabel="Sending…"
        disabled={submitted}
        className={last ? "max-sm:ml-auto" : "scripted:max-sm:hidden"}
      >
        Submit my answers
      </Button>
      {/* Drafts are kept by the page's script: without it there is nothing to promise. */}
      <p className="w-full text-sm text-slate-700 unscripted:hidden sm:w-auto">Your answers are saved on this device, in this browser, until you submit.</p>
    </div>
  );
}
