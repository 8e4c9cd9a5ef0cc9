import type { NextConfig } from "next";
import { env } from "./server/env";
import { STATIC_SECURITY_HEADERS } from "./server/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and WebAssembly packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres"],
  // The per-request Content-Security-Policy (with its nonce) is set in proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
  experimental: {
    serverActions: {
      // The org-chart import uploads a CSV of up to 5 MB; the rest is room for the multipart envelope.
      bodySizeLimit: "6mb",
      // Next.js runs an action only when the Origin of the POST is the host it was sent to,
      // which refuses cross-site forgeries. Behind a proxy that rewrites Host, the browser's
      // Origin is the public address instead: that one, and no other, is let through too.
      allowedOrigins: env.FULCRUM_PUBLIC_URL ? [new URL(env.FULCRUM_PUBLIC_URL).host] : [],
    },
  },
};

export default nextConfig;
