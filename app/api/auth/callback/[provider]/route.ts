import type { NextRequest } from "next/server";
import { handlers } from "@/server/auth";
import { OIDC_PROVIDER_ID } from "@/server/auth/oidc";
import { env } from "@/server/env";

/**
 * Where the company's OpenID Connect provider sends the browser back after sign-in (the
 * redirect URI to register: <public URL>/api/auth/callback/oidc). The only part of Auth.js's
 * route handler that is mounted, and only when a provider is configured: a password sign-in
 * goes through the sign-in page's server action, never through a POST here.
 */
export async function GET(request: NextRequest, { params }: RouteContext<"/api/auth/callback/[provider]">) {
  const { provider } = await params;
  if (!env.oidc || provider !== OIDC_PROVIDER_ID) return new Response("Not found", { status: 404 });
  return handlers.GET(request);
}
