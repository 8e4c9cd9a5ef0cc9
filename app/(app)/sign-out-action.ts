"use server";

import { runAction } from "@/server/action";
import { signOut } from "@/server/auth";
import { currentViewer } from "@/server/dal/session";
import { signOutEverywhere } from "@/server/dal/viewer";
import { getDb } from "@/server/db";

/** Signs out everywhere: a copied session cookie stops working too, not just this browser's. */
export async function signOutAction(formData: FormData): Promise<void> {
  const failure = await runAction(formData, {
    name: "sign-out",
    // Anyone: a session that has already ended still signs out, to the sign-in page.
    gate: "anyone",
    run: async () => {
      const viewer = await currentViewer();
      if (viewer) await signOutEverywhere(await getDb(), viewer);
      return signOut({ redirectTo: "/login" });
    },
  });
  // Signing out ends in a redirect, so only a failure comes back here. This form keeps no
  // state to show it in (it posts without useActionState): the error page says it instead.
  throw new Error(failure.message);
}
