/** Cookies as a browser would send them back: name=value pairs from Set-Cookie headers. */
function cookiesFrom(response: Response, jar: Map<string, string>) {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const index = pair!.indexOf("=");
    if (index > 0) jar.set(pair!.slice(0, index).trim(), pair!.slice(index + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

/**
 * Signs in the way a browser's form post to Auth.js does (CSRF token, then the
 * credentials callback) and returns the Cookie header of the new session.
 */
export async function signIn(baseUrl: string, email: string, password: string, timeoutMs: number): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { signal: AbortSignal.timeout(timeoutMs) });
  cookiesFrom(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar) },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/` }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  cookiesFrom(callback, jar);
  if (![...jar.keys()].some((name) => name.endsWith("session-token"))) {
    throw new Error(`Sign-in as ${email} failed (HTTP ${callback.status}): is the database seeded with npm run db:seed:large?`);
  }
  return cookieHeader(jar);
}
