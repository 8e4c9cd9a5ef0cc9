"use client";

import { useActionState, useState } from "react";
import { Button } from "@/app/_components/button";
import { StatusMessage } from "@/app/_components/status-message";
import { closeCycleAction, type CycleFormState, openCycleAction } from "./actions";

const initial: CycleFormState = { status: "idle", message: "", fieldErrors: {} };

const COPY = {
  open: {
    button: "Open",
    warning: "Opening takes a snapshot of who rates whom from today's reporting tree. It cannot be undone.",
    confirm: "Yes, open it",
  },
  close: {
    button: "Close",
    warning: "Closing is final: no more answers are taken, results appear, and the cycle never reopens.",
    confirm: "Yes, close it",
  },
} as const;

/** Opening and closing are one-way, so each asks once more before it happens. */
export function CycleTransition({ cycleId, cycleName, transition }: { cycleId: string; cycleName: string; transition: "open" | "close" }) {
  const [state, formAction, pending] = useActionState(transition === "open" ? openCycleAction : closeCycleAction, initial);
  const [confirming, setConfirming] = useState(false);
  const copy = COPY[transition];
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="cycleId" value={cycleId} />
      {confirming ? (
        <div className="space-y-2">
          <p className="max-w-xs text-sm">{copy.warning}</p>
          <div className="flex gap-2">
            <Button type="submit" size="sm" pending={pending}>
              {copy.confirm}
            </Button>
            <Button type="button" variant="secondary" size="sm" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button type="button" variant="outline" size="sm" onClick={() => setConfirming(true)} aria-label={`${copy.button} ${cycleName}`}>
          {copy.button}
        </Button>
      )}
      <StatusMessage status={state.status}>{state.message}</StatusMessage>
    </form>
  );
}
