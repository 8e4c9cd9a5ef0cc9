import type { Browser } from "@playwright/test";
import { and, eq, gte, sql } from "drizzle-orm";
import { cycles, cycleTeamSummaries, people } from "@/db/schema";
import { closeCycle } from "@/server/internal/cycles/close";
import { DEMO_PASSWORD, DEMO_TEAMS, demoEmail } from "@/server/internal/seed/demo-org";
import { expect, signIn } from "../fixtures";
import { ownDemo } from "./demo-server";

export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1280, height: 800 };

/**
 * A copy of the demo whose open cycle is closed, as an admin would close it, so that its
 * managers have a report to commit on: the demo's open cycle opened after the report before
 * it was out, so every commitment after that report is frozen. Names a team whose result the
 * closed cycle shows, with that team's director.
 */
export async function closeTheOpenCycle() {
  return ownDemo(async (db) => {
    const [open] = await db.select({ id: cycles.id, name: cycles.name }).from(cycles).where(eq(cycles.state, "open"));
    if (!open) throw new Error("The demo has no open cycle.");
    await closeCycle(db, open.id);
    const shown = await db
      .select({ id: people.id, name: people.name })
      .from(cycleTeamSummaries)
      .innerJoin(cycles, eq(cycles.id, cycleTeamSummaries.cycleId))
      .innerJoin(people, eq(people.id, cycleTeamSummaries.managerId))
      .where(and(eq(cycleTeamSummaries.cycleId, open.id), gte(cycleTeamSummaries.respondents, sql`${cycles.minRaters}`)));
    const team = DEMO_TEAMS.find((candidate) => shown.some((row) => row.name === candidate.manager));
    if (!team) throw new Error("No demo team meets k in the cycle just closed.");
    const managerId = shown.find((row) => row.name === team.manager)!.id;
    return { cycleId: open.id, cycleName: open.name, manager: team.manager, managerId, director: team.reportsTo };
  });
}

/** A new browser context signed in as a demo person, with or without JavaScript. */
export async function signedIn(browser: Browser, baseURL: string, name: string, viewport = LAPTOP, javaScriptEnabled = true) {
  const page = await (await browser.newContext({ baseURL, viewport, javaScriptEnabled })).newPage();
  if (javaScriptEnabled) await signIn(page, demoEmail(name));
  else {
    await page.goto("/login");
    await page.getByLabel("Work email").fill(demoEmail(name));
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
  }
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  return page;
}
