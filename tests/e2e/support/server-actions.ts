import { readFileSync } from "node:fs";
import path from "node:path";
import { encodeReply } from "next/dist/compiled/react-server-dom-webpack/client.edge";

/** A server action of the production build: its id, and the pages that use it. */
export interface BuiltAction {
  id: string;
  pages: string[];
}

interface ManifestEntry {
  filename: string;
  exportedName: string;
  workers: Record<string, unknown>;
}

/**
 * Every server action of the build, keyed `file#export` (e.g.
 * `app/login/actions.ts#signInAction`), from the manifest `next build` writes. An action's
 * id is what a browser sends in the Next-Action header.
 */
export function builtActions(): Map<string, BuiltAction> {
  const file = path.join(process.cwd(), ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Record<"node" | "edge", Record<string, ManifestEntry>>;
  const actions = new Map<string, BuiltAction>();
  for (const [id, entry] of [...Object.entries(manifest.node), ...Object.entries(manifest.edge)]) {
    actions.set(`${entry.filename}#${entry.exportedName}`, { id, pages: Object.keys(entry.workers) });
  }
  return actions;
}

/** The form state the app's forms start with; useActionState sends it as the first argument. */
export const IDLE = { status: "idle", message: "", fieldErrors: {} };

/** A FormData of plain fields, and of files where a value is a File. */
export function form(fields: Record<string, string | string[] | File> | [string, string | File][]): FormData {
  const data = new FormData();
  for (const [name, value] of Array.isArray(fields) ? fields : Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(name, item);
  }
  return data;
}

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  /** Where the answer sends the browser: a Location header, or the action's own redirect. */
  redirect: string | null;
  /** The action's return value, when the answer carries one. */
  result: unknown;
}

export interface ActionCall {
  /** The page the form is on; the action is posted to it. */
  path: string;
  actionId: string;
  args: unknown[];
  headers?: Record<string, string>;
  /** Defaults to the server's own origin, as a browser on the page sends it. */
  origin?: string;
}

/**
 * Calls a server action over HTTP as React does in the browser: the arguments encoded
 * with React's own encodeReply, posted to the page with the action's id in Next-Action.
 */
export async function callAction(baseUrl: string, { path: pagePath, actionId, args, headers = {}, origin = baseUrl }: ActionCall): Promise<Answer> {
  const response = await fetch(new URL(pagePath, baseUrl), {
    method: "POST",
    headers: { "Next-Action": actionId, Accept: "text/x-component", Origin: origin, ...headers },
    body: await encodeReply(args),
    redirect: "manual",
  });
  return answer(response);
}

/** A GET, without following redirects. */
export async function visit(baseUrl: string, pagePath: string, headers: Record<string, string> = {}): Promise<Answer> {
  return answer(await fetch(new URL(pagePath, baseUrl), { headers, redirect: "manual" }));
}

const ENTITIES: Record<string, string> = { "&quot;": '"', "&#x27;": "'", "&lt;": "<", "&gt;": ">", "&amp;": "&" };

/**
 * A form as a browser without JavaScript submits it: React renders hidden `$ACTION_…`
 * fields into every form whose action is a server action, and Next.js runs the action
 * from them and answers with the whole page, as HTML. Returns a function that submits
 * the form on `pagePath` whose action is `actionId` with the given fields.
 */
export async function formWithoutJavaScript(baseUrl: string, pagePath: string, actionId: string, headers: Record<string, string>) {
  const page = await visit(baseUrl, pagePath, headers);
  const markup = page.text
    .split("<form")
    .map((part) => part.slice(0, part.indexOf("</form>")))
    .find((part) => part.includes(actionId));
  if (!markup) throw new Error(`${pagePath} has no form for action ${actionId} (${outcome(page)})`);
  const hidden = [...markup.matchAll(/<input type="hidden" name="(\$ACTION_[^"]+)"(?: value="([^"]*)")?\/>/g)].map(
    ([, name, value = ""]) => [name!, value.replace(/&(quot|#x27|lt|gt|amp);/g, (entity) => ENTITIES[entity]!)] as const,
  );
  return async (fields: FormData): Promise<Answer> => {
    const body = new FormData();
    for (const [name, value] of hidden) body.append(name, value);
    for (const [name, value] of fields) body.append(name, value);
    return answer(await fetch(new URL(pagePath, baseUrl), { method: "POST", headers: { Origin: baseUrl, ...headers }, body, redirect: "manual" }));
  };
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  const contentType = response.headers.get("content-type") ?? "";
  const target = response.headers.get("x-action-redirect")?.split(";")[0] ?? response.headers.get("location");
  return {
    status: response.status,
    contentType,
    text,
    redirect: target ? new URL(target, response.url).pathname : null,
    result: contentType.includes("text/x-component") ? actionResult(text) : undefined,
  };
}

/**
 * The action's return value in a React Flight answer. Each row is `id:json` on a line of
 * its own; the root (row 0) points at the result's row as `"a":"$@id"`. Every form state
 * here is a plain object of strings, which Flight writes as JSON.
 */
function actionResult(flight: string): unknown {
  const rows = new Map<string, string>();
  for (const line of flight.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  const pointer = /"a":"\$@([0-9a-f]+)"/.exec(rows.get("0") ?? "")?.[1];
  const row = pointer === undefined ? undefined : rows.get(pointer);
  if (row === undefined || !row.startsWith("{")) return undefined;
  return JSON.parse(row);
}

/**
 * What a request came to, in a few words that an expectation can match: the message an
 * action returned, where the answer redirects (`redirect /login`), or the status.
 */
export function outcome(answer: Answer): string {
  const message = (answer.result as { message?: unknown } | undefined)?.message;
  if (typeof message === "string") return message;
  if (answer.redirect) return `redirect ${answer.redirect}`;
  return `status ${answer.status}`;
}
