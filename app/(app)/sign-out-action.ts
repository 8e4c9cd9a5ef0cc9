"use server";

import { signOut } from "@/server/auth";
import { currentViewer } from "@/server/dal/session";
import { revokeSessions } from "@/server/dal/viewer";
import { getDb } from "@/server/db";

/** Signs out everywhere: a copied session cookie stops working too, not just this browser's. */
export async function signOutAction() {
  const viewer = await currentViewer();
  if (viewer) await revokeSessions(await getDb(), viewer.id);
  await signOut({ redirectTo: "/login" });
}
