"use client";

import { useActionState } from "react";
import { Button } from "@/app/_components/button";
import { StatusMessage } from "@/app/_components/status-message";
import { remindAction, type RemindState } from "./actions";

const initial: RemindState = { status: "idle", message: "", fieldErrors: {} };

/** One button that reminds everyone the cycle still waits for, and a status that names nobody. */
export function RemindForm({ cycleId, cycleName }: { cycleId: string; cycleName: string }) {
  const [state, formAction, pending] = useActionState(remindAction, initial);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="cycleId" value={cycleId} />
      <Button
        type="submit"
        variant="outline"
        pending={pending}
        pendingLabel="Queueing reminders…"
        aria-label={`Remind everyone who has not answered in ${cycleName}`}
      >
        Remind everyone who has not answered
      </Button>
      <StatusMessage status={state.status}>{state.message}</StatusMessage>
    </form>
  );
}
