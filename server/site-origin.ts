import "server-only";
import { headers } from "next/headers";
import { env } from "./env";

/** The site's own address, for links in email: configured (FULCRUM_PUBLIC_URL), or else the one this request came to. */
export async function siteOrigin() {
  if (env.FULCRUM_PUBLIC_URL) return env.FULCRUM_PUBLIC_URL.replace(/\/$/, "");
  const requestHeaders = await headers();
  return `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${requestHeaders.get("host")}`;
}
