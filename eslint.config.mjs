import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

// The domain library runs anywhere: no React, Next.js, database or Node.js modules.
const LIB_FORBIDDEN = ["react", "react-dom", "next", "next/*", "drizzle-orm", "drizzle-orm/*", "postgres", "@electric-sql/*", "node:*", "@/db/*", "@/server/*", "@/app/*"];

const config = [
  ...nextVitals,
  ...nextTypeScript,
  {
    ignores: [".next/**", "bench/bare-route/.next/**", ".data/**", "node_modules/**", "coverage/**", "playwright-report/**", "test-results/**", "next-env.d.ts", "bench/bare-route/next-env.d.ts"],
  },
  {
    // One validated module reads the environment; everything else imports it.
    files: ["app/**", "lib/**", "db/**", "server/**", "proxy.ts", "instrumentation.ts"],
    ignores: ["server/env.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Import `env` from @/server/env instead." }],
    },
  },
  {
    files: ["lib/**"],
    rules: { "no-restricted-imports": ["error", { patterns: LIB_FORBIDDEN }] },
  },
  {
    // The survey form ships these to the browser; zod would add about 33 KB (gzip) to the page.
    files: ["lib/survey/fields.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [...LIB_FORBIDDEN, "zod"] }] },
  },
];

export default config;
