import { DEMO_PASSWORD } from "@/server/internal/seed/demo-org";

export type SignInOutcome = "signed-in" | "refused" | "throttled";

const ENTITIES: Record<string, string> = { "&quot;": '"', "&#x27;": "'", "&lt;": "<", "&gt;": ">", "&amp;": "&" };

/**
 * Signs in over plain HTTP the way a browser without JavaScript does: the sign-in page's
 * form, with the hidden fields React renders for its server action, posted as multipart.
 * Returns the outcome, the session cookie (`name=value`) when one was set, and every
 * Set-Cookie header as sent.
 */
export async function signInOverHttp(baseUrl: string, email: string, password = DEMO_PASSWORD, headers: Record<string, string> = {}) {
  const page = await (await fetch(new URL("/login", baseUrl), { headers })).text();
  const form = page.split("<form").find((part) => part.includes('name="$ACTION_'));
  if (!form) throw new Error("The sign-in page has no server-action form.");
  const body = new FormData();
  for (const [, name, value = ""] of form.matchAll(/<input type="hidden" name="(\$ACTION_[^"]+)"(?: value="([^"]*)")?\/>/g)) {
    body.append(
      name!,
      value.replace(/&(quot|#x27|lt|gt|amp);/g, (entity) => ENTITIES[entity]!),
    );
  }
  body.append("email", email);
  body.append("password", password);
  body.append("callbackUrl", "/");
  const response = await fetch(new URL("/login", baseUrl), { method: "POST", headers: { Origin: baseUrl, ...headers }, body, redirect: "manual" });
  const setCookies = response.headers.getSetCookie();
  const session = setCookies.map((cookie) => cookie.split(";")[0]!).find((cookie) => /^(__Secure-)?authjs\.session-token=./.test(cookie));
  const text = await response.text();
  const outcome: SignInOutcome = session ? "signed-in" : text.includes("Too many failed sign-in attempts") ? "throttled" : "refused";
  return { outcome, cookie: session ?? "", setCookies };
}
