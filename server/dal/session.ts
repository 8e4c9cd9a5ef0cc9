import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { uuidSchema } from "@/lib/ids";
import { readSessionToken } from "@/server/auth/session-token";
import { getDb } from "@/server/db";
import { loadViewer, type Viewer } from "@/server/internal/viewer";

/**
 * The person behind this request, re-read from the database once per request. The
 * session cookie alone is never trusted: a deactivated person is signed out at once.
 */
export const currentViewer = cache(async (): Promise<Viewer | null> => {
  const session = await readSessionToken(await cookies());
  const id = uuidSchema.safeParse(session?.personId);
  if (!session || !id.success) return null;
  return loadViewer(await getDb(), id.data, session.signedInAt);
});

/** For pages and actions that need someone signed in: anyone else goes to the sign-in page. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await currentViewer();
  if (!viewer) redirect("/login");
  return viewer;
}
