import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypeScript,
  {
    ignores: [".next/**", ".data/**", "node_modules/**", "coverage/**", "playwright-report/**", "test-results/**", "next-env.d.ts"],
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
    // The domain library runs anywhere: no React, Next.js, database or Node.js modules.
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["react", "react-dom", "next", "next/*", "drizzle-orm", "drizzle-orm/*", "postgres", "@electric-sql/*", "node:*", "@/db/*", "@/server/*", "@/app/*"] },
      ],
    },
  },
];

export default config;
