import type { NextConfig } from "next";

// A separate Next.js app (see app/api/submit/route.ts), built and served with the repository's
// own `next`, so that it never ships in the product's build.
const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["postgres"],
};

export default nextConfig;
