"use client";

import { useActionState, useState } from "react";
import { Button } from "@/app/_components/button";
import { StatusMessage } from "@/app/_components/status-message";
import { type CycleTransitionState, deleteDraftAction } from "./actions";

const initial: CycleTransitionState = { status: "idle", message: "", fieldErrors: {} };

/** Deleting a draft, which asks once more first: it cannot be undone, though nobody was ever asked anything. */
export function DeleteDraft({ cycleId, cycleName }: { cycleId: string; cycleName: string }) {
  const [state, formAction, pending] = useActionState(deleteDraftAction, initial);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="space-y-1">
      {/* A form only once it can be submitted (WCAG H32: no form without a submit control). */}
      {confirming ? (
        <form action={formAction} className="space-y-2">
          <input type="hidden" name="cycleId" value={cycleId} />
          <p className="max-w-xs text-sm">Deleting removes this draft for good. It was never opened, so nobody was asked anything.</p>
          <div className="flex gap-2">
            <Button type="submit" size="sm" pending={pending}>
              Yes, delete it
            </Button>
            <Button type="button" variant="secondary" size="sm" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <Button type="button" variant="outline" size="sm" onClick={() => setConfirming(true)} aria-label={`Delete ${cycleName}`}>
          Delete
        </Button>
      )}
      <StatusMessage status={state.status}>{state.message}</StatusMessage>
    </div>
  );
}
