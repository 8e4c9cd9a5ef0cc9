import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { baseAuthConfig } from "@/server/auth/config";

// Built eagerly: a lazily configured `auth(handler)` returns a promise, which Next.js does
// not accept as a proxy. The proxy module is only evaluated by the running server.
const { auth } = NextAuth(baseAuthConfig());

const isPublic = (pathname: string) => pathname === "/login" || pathname.startsWith("/invite/");

/**
 * Sends visitors without a session to the sign-in page. It only redirects: every page,
 * action and route checks the person and their rights again in the data access layer.
 */
export default auth((request) => {
  const { pathname, search } = request.nextUrl;
  if (request.auth || isPublic(pathname)) return NextResponse.next();
  const login = new URL("/login", request.nextUrl);
  if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
});

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
