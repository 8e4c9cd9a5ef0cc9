import { NextRequest } from "next/server";
import { handlers } from "@/server/auth";
import { OIDC_PROVIDER_ID } from "@/server/auth/oidc";
import { env } from "@/server/env";

/**
 * The request at the address the browser used. Auth.js sends the provider, with the code,
 * the redirect URI it builds from the request's URL, and the provider refuses the code
 * unless that is the one the sign-in began with. The sign-in began in a server action,
 * where Auth.js took the address from X-Forwarded-Host, or else Host; the callback takes
 * it the same way. (Next.js names every loopback address "localhost" in a request's URL:
 * on this machine, open the app as localhost, as the tests do.)
 */
function asAddressed(request: NextRequest) {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host) return request;
  const protocol = request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(/:$/, "");
  return new NextRequest(new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, `${protocol}://${host}`), request);
}

/**
 * Where the company's OpenID Connect provider sends the browser back after sign-in (the
 * redirect URI to register: <public URL>/api/auth/callback/oidc). The only part of Auth.js's
 * route handler that is mounted, and only when a provider is configured: a password sign-in
 * goes through the sign-in page's server action, never through a POST here.
 */
export async function GET(request: NextRequest, { params }: RouteContext<"/api/auth/callback/[provider]">) {
  const { provider } = await params;
  if (!env.oidc || provider !== OIDC_PROVIDER_ID) return new Response("Not found", { status: 404 });
  return handlers.GET(asAddressed(request));
}

/** Nothing signs in by a POST here: a password is checked by the sign-in page's own action, and the provider answers with a GET. */
export function POST() {
  return new Response("Not found", { status: 404 });
}
