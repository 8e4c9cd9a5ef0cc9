import type { NextConfig } from "next";
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
    },
  },
};

export default nextConfig;
