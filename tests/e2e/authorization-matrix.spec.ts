import { expect, test } from "@playwright/test";
import { isNotNull } from "drizzle-orm";
import { people } from "@/db/schema";
import { discoverRoutes, tableMismatches } from "./support/app-inventory";
import { ACTION_RULES, type ActionRule, HANDLER_RULES, PAGE_RULES, type PathRule } from "./support/authorization-table";
import { ownDemo } from "./support/demo-server";
import { type DemoIds, type Persona, PERSONAS, personaCookies, personaHeaders, prepareDemo, SIGNED_IN } from "./support/personas";
import { builtActions, callAction, outcome, visit } from "./support/server-actions";

// Every page, route handler and server action, called by every persona over raw HTTP on
// a production server of the spec's own. Each cell must be let in or turned away exactly
// as support/authorization-table.ts says, and the refusals must write nothing.

interface Cell {
  label: string;
  /** Returns what is wrong with the answer, or nothing. */
  check(baseUrl: string): Promise<string | undefined>;
}

function pathCell(kind: string, pattern: string, rule: PathRule, persona: Persona, ids: DemoIds, headers: Record<string, string>): Cell {
  const allowed = rule.allow.includes(persona);
  const url = rule.url(ids);
  return {
    label: `${persona} → ${kind} ${pattern}`,
    check: async (baseUrl) => {
      const answer = await visit(baseUrl, url, headers);
      const got = outcome(answer);
      const letIn = answer.status === 200 || (answer.redirect !== null && answer.redirect !== "/login");
      const turnedAway = [401, 404].includes(answer.status) || answer.redirect === "/login";
      if (allowed && !letIn) return `expected to be let in to ${url}, got ${got}`;
      if (!allowed && !turnedAway) return `expected to be turned away from ${url}, got ${got}`;
      if (allowed && rule.hidden?.from.includes(persona) && answer.text.includes(rule.hidden.text)) return `${url} shows “${rule.hidden.text}”`;
      return undefined;
    },
  };
}

function actionCell(key: string, rule: ActionRule, actionId: string, persona: Persona, ids: DemoIds, headers: Record<string, string>): Cell {
  const allowed = rule.allow.includes(persona);
  return {
    label: `${persona} → action ${key}`,
    check: async (baseUrl) => {
      const answer = await callAction(baseUrl, { path: rule.page(ids), actionId, args: rule.args(ids), headers });
      const got = outcome(answer);
      const expected = allowed ? rule.allowed : rule.denied;
      if (!expected?.test(got)) return `expected to be ${allowed ? "let in" : "turned away"} (${expected}), got ${got}`;
      return undefined;
    },
  };
}

/** Runs the cells a few at a time and returns every failure, labelled. */
async function run(cells: Cell[], baseUrl: string, width: number) {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    for (let cell = cells[next++]; cell; cell = cells[next++]) {
      const problem = await cell.check(baseUrl).catch((error: unknown) => `failed: ${error}`);
      if (problem) failures.push(`${cell.label}: ${problem}`);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return failures.sort();
}

test("every page, route and action lets in exactly the right people, and refusals write nothing", async () => {
  test.setTimeout(180_000);
  const routes = discoverRoutes();
  const actions = builtActions();
  expect([
    ...tableMismatches("page", routes.pages, PAGE_RULES),
    ...tableMismatches("route handler", routes.handlers, HANDLER_RULES),
    ...tableMismatches("server action", [...actions.keys()], ACTION_RULES),
  ]).toEqual([]);

  const demo = await ownDemo(prepareDemo);
  try {
    const ids = demo.setup;
    const cookies = await personaCookies(demo.authSecret, ids);
    const quiet: Cell[] = [];
    const writing: Cell[] = [];
    for (const persona of PERSONAS) {
      const headers = personaHeaders(persona, cookies);
      for (const [pattern, rule] of Object.entries(PAGE_RULES)) quiet.push(pathCell("page", pattern, rule, persona, ids, headers));
      for (const [pattern, rule] of Object.entries(HANDLER_RULES)) quiet.push(pathCell("route", pattern, rule, persona, ids, headers));
      for (const [key, rule] of Object.entries(ACTION_RULES)) {
        const cell = actionCell(key, rule, actions.get(key)!.id, persona, ids, headers);
        (rule.writes && rule.allow.includes(persona) ? writing : quiet).push(cell);
      }
    }

    const app = await demo.serve();
    expect.soft(await run(quiet, app.url, 4)).toEqual([]);
    // Nothing, but the one record a refusal is meant to leave: each unknown sign-in link
    // counts against the caller's address (the link throttle, server/dal/invitations.ts).
    expect(await demo.changedTables(), "what the refused (and the harmlessly allowed) calls wrote").toEqual({
      login_failures: { added: PERSONAS.length, columns: ["failed_at", "id", "subject", "subject_kind"] },
    });

    // Last, the calls that write on purpose: the admin saves the thresholds in force, and
    // everyone signs out. They change these tables and nothing else.
    const again = await demo.serve();
    expect.soft(await run(writing, again.url, 1)).toEqual([]);
    expect(await demo.changedTables()).toEqual({
      people: { added: 0, columns: ["sessions_valid_from"] },
      settings: { added: 0, columns: ["updated_at", "updated_by"] },
      audit_events: expect.objectContaining({ added: 1 }),
    });
    const revoked = await demo.inspect((db) => db.select({ id: people.id }).from(people).where(isNotNull(people.sessionsValidFrom)));
    expect(revoked.map((row) => row.id).sort()).toEqual(SIGNED_IN.map((persona) => ids.person[persona]).sort());
  } finally {
    await demo.dispose();
  }
});
