import { readFileSync } from "node:fs";
import type http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { CANT_SAY, fieldName, RATER_ITEMS } from "@/lib/survey/fields";
import { keepAliveAgent, multipart, post } from "../http.mjs";
import { type LoadResult, runLoad } from "../load.mjs";
import { mintSessionCookie } from "../session-cookie.mjs";
import { answersFor } from "./answers.mjs";
import { root } from "./next-server.mjs";
import type { Rater, RaterQueue } from "./raters.mjs";

const SURVEY_ACTION = { filename: "app/(app)/assessments/[cycleId]/[managerId]/actions.ts", exportedName: "submitSurveyAction" };

// React's encoder of server-action arguments, the one Next.js's client router calls.
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-webpack/client.node") as {
  encodeReply(value: unknown): Promise<string | FormData>;
};

interface ManifestEntry {
  filename: string;
  exportedName: string;
}

/** The survey action's id in this build, as the browser gets it: from the build's server-reference manifest. */
function surveyActionId(buildDir = path.join(root, ".next")): string {
  const file = path.join(buildDir, "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  const ids = Object.entries(manifest.node)
    .filter(([, entry]) => entry.filename === SURVEY_ACTION.filename && entry.exportedName === SURVEY_ACTION.exportedName)
    .map(([id]) => id);
  if (ids.length !== 1) throw new Error(`${file} has ${ids.length} ids for ${SURVEY_ACTION.exportedName}: build the app first.`);
  return ids[0]!;
}

/** The survey form's state before its first submission (survey-form.tsx), sent back as the action's first argument. */
const INITIAL_STATE = { status: "idle", message: "", fieldErrors: {} };

/** The router state the survey page's client holds: where the action was posted from. */
function routerStateTree(rater: Rater) {
  const param = (name: string, value: string) => [name, value, "d", null];
  const page = ["__PAGE__", {}];
  const manager = [param("managerId", rater.managerId), { children: page }];
  const cycle = [param("cycleId", rater.cycleId), { children: manager }];
  return encodeURIComponent(JSON.stringify(["", { children: ["(app)", { children: ["assessments", { children: cycle }] }] }]));
}

/** The survey's fields in the form's order, as `new FormData(form)` collects them. */
function surveyForm(rater: Rater, n: number) {
  const form = new FormData();
  form.append("cycleId", rater.cycleId);
  form.append("managerId", rater.managerId);
  for (const answer of answersFor(n)) {
    for (const item of RATER_ITEMS) form.append(fieldName(answer.aspect, item), String(answer[item] ?? CANT_SAY));
  }
  form.append("comment", "");
  return form;
}

/**
 * The cookies other than the session that a signed-in browser holds and sends back with
 * every request (Auth.js's CSRF token and callback URL), fetched once for all raters:
 * without them the app would mint new ones on every request, which browsers never see.
 */
async function browserCookies(appUrl: string): Promise<string> {
  const response = await fetch(`${appUrl}/api/auth/csrf`, { signal: AbortSignal.timeout(30_000) });
  await response.text();
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .join("; ");
}

interface SurveyPost {
  rater: Rater;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * One rater's survey as the browser's client router posts it: the action id in
 * `Next-Action`, the form state and the form data encoded by React as multipart, the
 * page's router state, the browser's cookies with the rater's session.
 */
async function surveyPost(appUrl: string, actionId: string, cookie: string, rater: Rater, n: number): Promise<SurveyPost> {
  const encoded = await encodeReply([INITIAL_STATE, surveyForm(rater, n)]);
  const fields: [string, string][] = typeof encoded === "string" ? [["0", encoded]] : [...encoded].map(([name, value]) => [name, String(value)]);
  const { contentType, body } = multipart(fields);
  return {
    rater,
    url: `${appUrl}/assessments/${rater.cycleId}/${rater.managerId}`,
    headers: {
      Accept: "text/x-component",
      "Content-Type": contentType,
      "Next-Action": actionId,
      "Next-Router-State-Tree": routerStateTree(rater),
      Origin: appUrl,
      Cookie: cookie,
    },
    body,
  };
}

/** Sends a survey and resolves once the app answers that it saved it. */
async function sendSurvey(survey: SurveyPost, agent: http.Agent, signal: AbortSignal) {
  const response = await post(survey.url, { agent, headers: survey.headers, body: survey.body, signal });
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  // The action's result is serialised as JSON in the RSC payload.
  if (!response.text.includes('"status":"success"') || !response.text.includes(survey.rater.managerId)) {
    throw new Error(`not saved: ${/"message":"([^"]*)"/.exec(response.text)?.[1] ?? response.text.slice(0, 120)}`);
  }
}

export interface ServerActionLoad {
  appUrl: string;
  /** The AUTH_SECRET the app runs with: the raters' session cookies are minted with it. */
  authSecret: string;
  raters: RaterQueue;
  concurrency: number;
  durationMs: number;
  warmupMs?: number;
}

/** Real survey submissions through the server action over HTTP, each by a rater who has not answered yet. */
export async function runServerAction(options: ServerActionLoad): Promise<LoadResult> {
  const actionId = surveyActionId();
  const cookies = await browserCookies(options.appUrl);
  const agent = keepAliveAgent(options.concurrency);
  let n = 0;
  try {
    return await runLoad({
      concurrency: options.concurrency,
      durationMs: options.durationMs,
      warmupMs: options.warmupMs ?? 2_000,
      // The cookie and the body are made before the clock starts: the browser has them ready too.
      next: async () => {
        const rater = options.raters.next();
        if (!rater) return undefined;
        const cookie = `${cookies}; ${await mintSessionCookie(rater.raterId, options.authSecret)}`;
        return surveyPost(options.appUrl, actionId, cookie, rater, n++);
      },
      send: (survey, signal) => sendSurvey(survey, agent, signal),
    });
  } finally {
    agent.destroy();
  }
}
