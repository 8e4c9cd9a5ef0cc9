"use client";

import { Button } from "@/app/_components/button";

interface SurveyPagerProps {
  index: number;
  count: number;
  /** Whether the parts are split into screens on a phone (React runs). */
  paged: boolean;
  go: (index: number) => void;
  pending: boolean;
  submitted: boolean;
}

/**
 * The foot of the survey. On a phone, Previous and Next step through the parts and Submit
 * waits on the last one; on a wider screen, or without JavaScript, Submit is all there is.
 */
export function SurveyPager({ index, count, paged, go, pending, submitted }: SurveyPagerProps) {
  const last = index === count - 1;
  return (
    <div className="flex flex-wrap items-center gap-3 max-sm:justify-between">
      {paged && index > 0 && (
        <Button type="button" variant="secondary" size="lg" className="sm:hidden" onClick={() => go(index - 1)}>
          Previous
        </Button>
      )}
      {paged && !last && (
        <Button type="button" size="lg" className="ml-auto sm:hidden" onClick={() => go(index + 1)}>
          Next
        </Button>
      )}
      <Button
        type="submit"
        size="lg"
        pending={pending}
        pendingLabel="Sending…"
        disabled={submitted}
        className={paged && !last ? "max-sm:hidden" : "max-sm:ml-auto"}
      >
        Submit my answers
      </Button>
      {/* Drafts are kept by the page's script: without it there is nothing to promise. */}
      {paged && <p className="w-full text-sm text-slate-700 sm:w-auto">Your answers are saved on this device, in this browser, until you submit.</p>}
    </div>
  );
}
