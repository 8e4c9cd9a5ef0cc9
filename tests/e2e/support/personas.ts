import { and, desc, eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import type { Database } from "@/db/client";
import { cycles, participations, people } from "@/db/schema";
import { ADMIN, DEMO_TEAMS, DIRECTORS } from "@/server/internal/seed/demo-org";
import { clock } from "@/lib/clock";
import { SESSION_COOKIE_NAMES, SESSION_MAX_AGE_SECONDS, SIGNED_IN_AT_CLAIM } from "@/server/auth/config";

const team = DEMO_TEAMS[0]!;

/** Who calls each page, route and action, by their place in the demo's reporting tree. */
const NAMES = {
  /** A rep in the manager's team. */
  rep: team.reps[0]!,
  manager: team.manager,
  /** The manager's director. */
  director: team.reportsTo,
  /** A director of the other branch: nothing of the manager's is theirs to see. */
  otherDirector: DIRECTORS.find((name) => name !== team.reportsTo)!,
  admin: ADMIN,
  /**
   * Another rep of the team, deactivated before the server starts, with a session cookie
   * that is otherwise valid. Made an admin first: whatever a deactivated person can still
   * do, a deactivated admin would do with the most rights.
   */
  deactivated: team.reps[1]!,
} as const;

export type SignedInPersona = keyof typeof NAMES;
export type Persona = "anonymous" | SignedInPersona;
export const PERSONAS: readonly Persona[] = ["anonymous", ...(Object.keys(NAMES) as SignedInPersona[])];
/** Everyone whose session is live. */
export const SIGNED_IN: readonly SignedInPersona[] = ["rep", "manager", "director", "otherDirector", "admin"];

export interface DemoIds {
  person: Record<SignedInPersona, string>;
  openCycle: string;
  /** The latest closed cycle. */
  closedCycle: string;
  closedCycleName: string;
  /** The latest closed cycle in which the rep rated the manager. */
  repAnsweredCycle: string;
}

/** Reads the ids the matrix needs from a freshly seeded demo, and deactivates the deactivated persona. */
export async function prepareDemo(db: Database): Promise<DemoIds> {
  const person = {} as Record<SignedInPersona, string>;
  for (const [persona, name] of Object.entries(NAMES) as [SignedInPersona, string][]) {
    const [row] = await db.select({ id: people.id }).from(people).where(eq(people.name, name));
    person[persona] = row!.id;
  }
  await db.update(people).set({ isAdmin: true, isActive: false }).where(eq(people.id, person.deactivated));
  const [open] = await db.select({ id: cycles.id }).from(cycles).where(eq(cycles.state, "open"));
  const [closed] = await db.select({ id: cycles.id, name: cycles.name }).from(cycles).where(eq(cycles.state, "closed")).orderBy(desc(cycles.opensOn)).limit(1);
  const [answered] = await db
    .select({ id: cycles.id })
    .from(cycles)
    .innerJoin(participations, eq(participations.cycleId, cycles.id))
    .where(and(eq(cycles.state, "closed"), eq(participations.raterId, person.rep), eq(participations.managerId, person.manager)))
    .orderBy(desc(cycles.opensOn))
    .limit(1);
  if (!open || !closed || !answered) throw new Error("The demo lacks an open cycle, a closed one, or a closed one the rep answered.");
  return { person, openCycle: open.id, closedCycle: closed.id, closedCycleName: closed.name, repAnsweredCycle: answered.id };
}

/** The persona's name, for checks on what a page shows. */
export const personaName = (persona: SignedInPersona) => NAMES[persona];

/** Auth.js's cookie on plain HTTP; its name is also the salt of the token's key. */
const SESSION_COOKIE = SESSION_COOKIE_NAMES[1];

/** A session cookie as Auth.js sets it when this person signs in. */
async function sessionCookie(authSecret: string, personId: string) {
  const token = await encode({
    token: { sub: personId, [SIGNED_IN_AT_CLAIM]: clock.now().getTime() },
    secret: authSecret,
    salt: SESSION_COOKIE,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  return `${SESSION_COOKIE}=${token}`;
}

/** A persona's session cookie, for a browser context. */
export function browserCookie(cookieHeader: string, url: string) {
  const split = cookieHeader.indexOf("=");
  return { name: cookieHeader.slice(0, split), value: cookieHeader.slice(split + 1), url };
}

/** Every persona's Cookie header ("" for anonymous). */
export async function personaCookies(authSecret: string, ids: DemoIds): Promise<Record<Persona, string>> {
  const cookies = { anonymous: "" } as Record<Persona, string>;
  for (const persona of Object.keys(ids.person) as SignedInPersona[]) cookies[persona] = await sessionCookie(authSecret, ids.person[persona]);
  return cookies;
}

/**
 * The headers a persona's requests carry. The proxy sends visitors without a session to
 * the sign-in page before any page or action runs, but it is only a convenience
 * (proxy.ts), and any client skips it by saying it prefetches. Anonymous requests skip it,
 * so that what turns them away is the page, route or action itself.
 */
export function personaHeaders(persona: Persona, cookies: Record<Persona, string>): Record<string, string> {
  return persona === "anonymous" ? { "Next-Router-Prefetch": "1" } : { Cookie: cookies[persona] };
}
