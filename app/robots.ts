import type { MetadataRoute } from "next";

/** Fulcrum is a private app: nothing in it is for search engines, the sign-in page included. */
export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: "*", disallow: "/" } };
}
