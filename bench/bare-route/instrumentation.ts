/**
 * Next.js finds the repository's own instrumentation.ts when it builds this app from the
 * repository root, and would open Fulcrum's database pool and migrate at start. The floor
 * must do nothing but its one transaction, so this app has a start-up hook of its own that
 * does nothing.
 */
export function register() {}
