import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { multipart } from "./http.mjs";
import { root } from "./submission/next-server.mjs";

const CLOSE_ACTION = { filename: "app/(app)/admin/cycles/actions.ts", exportedName: "closeCycleAction" };
/** The close button's form state before its first use (cycle-transition.tsx), sent back as the action's first argument. */
const INITIAL_STATE = { status: "idle", message: "", fieldErrors: {} };
/** The router state of /admin/cycles, where the close button is. */
const ROUTER_STATE = encodeURIComponent(
  JSON.stringify(["", { children: ["(app)", { children: ["admin", { children: ["cycles", { children: ["__PAGE__", {}] }] }] }] }]),
);

// React's encoder of server-action arguments, the one Next.js's client router calls.
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-webpack/client.node") as {
  encodeReply(value: unknown): Promise<string | FormData>;
};

/** The close action's id in this build, as the browser gets it: from the build's server-reference manifest. */
function closeActionId(): string {
  const file = path.join(root, ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, { filename: string; exportedName: string }> };
  const ids = Object.entries(manifest.node)
    .filter(([, entry]) => entry.filename === CLOSE_ACTION.filename && entry.exportedName === CLOSE_ACTION.exportedName)
    .map(([id]) => id);
  if (ids.length !== 1) throw new Error(`${file} has ${ids.length} ids for ${CLOSE_ACTION.exportedName}: build the app first.`);
  return ids[0]!;
}

/**
 * Closes a cycle as an administrator does on /admin/cycles, "Yes, close it": the server
 * action over HTTP, so the close runs in the app under test, the process that serves every
 * other page meanwhile. Resolves with its time, from the request to the last byte of the answer.
 */
export async function closeOverHttp(options: { appUrl: string; cookie: string; cycleId: string; timeoutMs: number }): Promise<number> {
  const form = new FormData();
  form.append("cycleId", options.cycleId);
  const encoded = await encodeReply([INITIAL_STATE, form]);
  const fields: [string, string][] = typeof encoded === "string" ? [["0", encoded]] : [...encoded].map(([name, value]) => [name, String(value)]);
  const { contentType, body } = multipart(fields);
  const actionId = closeActionId();
  const started = performance.now();
  const response = await fetch(`${options.appUrl}/admin/cycles`, {
    method: "POST",
    headers: {
      Accept: "text/x-component",
      "Content-Type": contentType,
      "Next-Action": actionId,
      "Next-Router-State-Tree": ROUTER_STATE,
      Origin: options.appUrl,
      Cookie: options.cookie,
    },
    body,
    signal: AbortSignal.timeout(options.timeoutMs),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200 || !text.includes('"status":"success"')) {
    throw new Error(`Closing the cycle answered ${response.status}: ${/"message":"([^"]*)"/.exec(text)?.[1] ?? text.slice(0, 200)}`);
  }
  return ms;
}
