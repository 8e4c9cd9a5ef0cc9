// Shared with next.config.ts, which Node.js loads outside any bundle: the marker import that
// opens every other server module would throw there. Nothing here may reach a client component.
/**
 * The Content-Security-Policy of every page: scripts only from this origin and only with
 * this request's nonce (no 'unsafe-inline' for scripts), nothing framing the app. Style
 * attributes stay allowed: charts set inline styles, and styles cannot run code.
 * `formTargets` are the origins besides this one that a form submission may end up at.
 */
export function contentSecurityPolicy(
  nonce: string,
  { https, development, formTargets = [] }: { https: boolean; development: boolean; formTargets?: readonly string[] },
) {
  return [
    "default-src 'self'",
    // React needs eval only in development, to rebuild server error stacks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // A form may post here only, and be redirected on to the company's sign-in provider (a
    // browser without JavaScript follows the sign-in form's redirect there as a form submission).
    ["form-action 'self'", ...formTargets].join(" "),
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Headers for every response, pages and API alike. */
export const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** HSTS only means something over HTTPS, and must never be sent over plain HTTP. */
export const HSTS = "max-age=63072000; includeSubDomains";
