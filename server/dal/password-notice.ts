import "server-only";
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { people } from "@/db/schema";
import type { Viewer } from "./viewer";

export interface PasswordNotice {
  setAt: Date;
  /** Who made the link: an administrator's name, or null when the person asked for it themselves. */
  linkBy: string | null;
}

/**
 * When the viewer's password was set through a sign-in link since their previous sign-in:
 * when, and through whose link. A person whose password someone else set (an admin's link
 * that went astray, say) learns of it the next time they sign in.
 */
export async function passwordNotice(db: Database, viewer: Viewer): Promise<PasswordNotice | null> {
  const linkAuthor = alias(people, "link_author");
  const [row] = await db
    .select({ setAt: people.passwordSetAt, previousSignInAt: people.previousSignInAt, linkById: people.passwordLinkBy, linkByName: linkAuthor.name })
    .from(people)
    .leftJoin(linkAuthor, eq(linkAuthor.id, people.passwordLinkBy))
    .where(eq(people.id, viewer.id));
  if (!row?.setAt) return null;
  if (row.previousSignInAt && row.previousSignInAt > row.setAt) return null;
  return { setAt: row.setAt, linkBy: row.linkById === viewer.id ? null : (row.linkByName ?? "a former administrator") };
}
