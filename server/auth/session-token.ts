import "server-only";
import { decode } from "next-auth/jwt";
import { authSecret } from "@/server/env";
import { SESSION_COOKIE_NAMES, SIGNED_IN_AT_CLAIM } from "./config";

export interface SessionToken {
  personId: string;
  /** When the person signed in, in milliseconds since the epoch. */
  signedInAt: number;
}

/**
 * What the session cookie says, or null when there is none, or it is forged, tampered
 * with, expired or split into chunks. This is the check `auth()` makes (Auth.js's own
 * `decode`, with the cookie's name as the key's salt and jose checking the expiry), without
 * what `auth()` adds around it on every call: building a request, re-encrypting a fresh
 * token and trying to set it. That costs about 3 ms of CPU a request and is never
 * needed, because a session ends 12 hours after sign-in however active it was.
 */
export async function readSessionToken(cookies: { get(name: string): { value: string } | undefined }, secret = authSecret()): Promise<SessionToken | null> {
  for (const name of SESSION_COOKIE_NAMES) {
    const token = cookies.get(name)?.value;
    if (!token) continue;
    const payload = await decode({ token, secret, salt: name }).catch(() => null);
    if (typeof payload?.sub !== "string") return null;
    // A token without a sign-in time predates it: any revocation ends it.
    const signedInAt = payload[SIGNED_IN_AT_CLAIM];
    return { personId: payload.sub, signedInAt: typeof signedInAt === "number" ? signedInAt : 0 };
  }
  return null;
}
