import "server-only";

/**
 * What the sign-in page shows in demo mode (env.FULCRUM_DEMO): the demo accounts worth
 * trying and the password they share. The seed itself is an unchecked building block
 * (server/internal/seed), which pages may not import.
 */
export { demoAccounts } from "./internal/seed/demo-accounts";
export { DEMO_PASSWORD } from "./internal/seed/demo-org";
