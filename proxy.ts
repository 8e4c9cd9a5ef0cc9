import { type NextRequest, NextResponse } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/server/auth/config";
import { env } from "@/server/env";
import { contentSecurityPolicy, HSTS } from "@/server/security-headers";

const isPublic = (pathname: string) => pathname === "/login" || pathname === "/login/forgot" || pathname.startsWith("/invite/");

function withSecurityHeaders(request: NextRequest, respond: (headers: Headers) => NextResponse) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const formTargets = env.oidc ? [new URL(env.oidc.issuer).origin] : [];
  const policy = contentSecurityPolicy(nonce, { https, development: env.NODE_ENV === "development", formTargets });
  // Next.js reads the policy from the request to put the nonce on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  const response = respond(requestHeaders);
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

/**
 * Sets the per-request security headers and sends visitors without a session cookie to the
 * sign-in page. It only redirects, so it only looks for the cookie: decrypting it here would
 * repeat what the data access layer does anyway on every page, action and route, where the
 * session and the person's rights are checked (an expired or forged cookie goes to the
 * sign-in page from there).
 */
export default function proxy(request: NextRequest) {
  return withSecurityHeaders(request, (headers) => {
    const { pathname, search } = request.nextUrl;
    const hasSession = SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name));
    if (hasSession || isPublic(pathname)) return NextResponse.next({ request: { headers } });
    const login = new URL("/login", request.nextUrl);
    if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  });
}

export const config = {
  matcher: [
    {
      // The icons and robots.txt answer everyone: browsers and crawlers ask before anyone signs in.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)",
      // Prefetches render no HTML of their own; they need no nonce. Server actions called
      // by the client router are matched below.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
        { type: "header", key: "next-action" },
      ],
    },
    {
      // A server action called by the client router answers with data, never a document, so
      // it needs no nonce or policy: only one without a session cookie comes here, to be
      // sent to the sign-in page (unless it says it prefetches, as above). With a cookie the
      // action checks the session and the person's rights itself, as it must anyway, and
      // running the proxy as well was a tenth of a survey submission's CPU (bench/README.md,
      // "Submission path"). A page requested by hand with this header gets no policy; no
      // browser sends it with a page load. The cookie names are SESSION_COOKIE_NAMES and the
      // source the one above: Next.js reads this config without running the module.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)",
      has: [{ type: "header", key: "next-action" }],
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
        { type: "cookie", key: "__Secure-authjs.session-token" },
        { type: "cookie", key: "authjs.session-token" },
      ],
    },
  ],
};
