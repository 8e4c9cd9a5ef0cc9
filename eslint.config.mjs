import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

// The domain library runs anywhere: no React, Next.js, database or Node.js modules.
const LIB_FORBIDDEN = [
  "react",
  "react-dom",
  "next",
  "next/*",
  "drizzle-orm",
  "drizzle-orm/*",
  "postgres",
  "@electric-sql/*",
  "node:*",
  "@/db/*",
  "@/server/*",
  "@/app/*",
  "@/tests/*",
];

// The layers (README "Architecture"): lib/ is pure; db/ is the schema, migrations, client and
// raw queries; server/ is the only way to data; app/ renders. Each may import only what is
// below it. A pattern catches the alias (@/db/…) and a relative path out of the folder alike.
const importOf = (folder, message) => ({ regex: `^(@/|(\\.\\./)+)${folder}(/|$)`, message });
const APP = importOf("app", "Nothing imports from app/: it is the top layer.");
// Test support is for tests and benchmarks only: among it the unchecked `selectUncheckedRows`.
// Production code reads a raw query's rows with `selectRows` of @/db/raw and a zod schema of the row.
const TESTS = importOf("tests", "tests/ is for tests and benchmarks: read a raw query with selectRows from @/db/raw and a zod schema of its row.");
const DB_FORBIDDEN = [
  APP,
  TESTS,
  importOf("server", "db/ is the bottom layer: it imports nothing from server/. Seeds live in server/internal/seed, scripts in scripts/db."),
];
const APP_FORBIDDEN = [
  TESTS,
  importOf("db", "Pages, actions and routes reach data through @/server (the checked entry points in server/dal), never @/db."),
  importOf("server/internal", "server/internal holds unchecked building blocks: use the entry point in @/server/dal that checks the viewer's rights."),
];
// Building blocks trust their caller and check no rights: the checked layer (server/dal) is built on them, not the other way round.
const INTERNAL_FORBIDDEN = [
  APP,
  TESTS,
  importOf("server/dal", "server/internal is below server/dal: a building block does not call the checked data access layer."),
];
// Every server module is server-only, but for these: next.config.ts (loaded by Node.js outside
// any bundle) imports them, and `server-only` throws there.
const SHARED_SERVER_FILES = ["server/env.ts", "server/security-headers.ts"];
const SERVER_ONLY_FIRST = {
  selector: "Program:not(:has(> ImportDeclaration:first-child[source.value='server-only']))",
  message: 'A server module starts with `import "server-only";` (see SHARED_SERVER_FILES in eslint.config.mjs for the exceptions).',
};

// One clock: lib/clock.ts. Nothing else asks the system or the database what time it is.
// Durations are measured with performance.now(), which is not a date.
const DATABASE_CLOCK = "/\\b(now\\s*\\(|current_date|current_timestamp|localtimestamp|clock_timestamp|statement_timestamp|transaction_timestamp)/i";
const CLOCK_READS = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Ask the clock: import { clock } from @/lib/clock." },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: "Ask the clock (@/lib/clock), or use performance.now() for a duration.",
  },
  {
    selector: `TaggedTemplateExpression TemplateElement[value.raw=${DATABASE_CLOCK}]`,
    message: "The database's clock is not the app's: pass clock.now() or clock.today() as a parameter.",
  },
  {
    selector: `CallExpression[callee.property.name=/^(raw|unsafe)$/] Literal[value=${DATABASE_CLOCK}]`,
    message: "The database's clock is not the app's: pass clock.now() or clock.today() as a parameter.",
  },
];

const config = [
  ...nextVitals,
  ...nextTypeScript,
  {
    ignores: [
      ".next/**",
      "bench/bare-route/.next/**",
      ".data/**",
      "node_modules/**",
      "coverage/**",
      "playwright-report/**",
      "test-results/**",
      "next-env.d.ts",
      "bench/bare-route/next-env.d.ts",
    ],
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
    files: ["**/*.{ts,tsx,mts,mjs}"],
    ignores: ["lib/clock.ts"],
    rules: { "no-restricted-syntax": ["error", ...CLOCK_READS] },
  },
  {
    files: ["lib/**"],
    rules: { "no-restricted-imports": ["error", { patterns: LIB_FORBIDDEN }] },
  },
  {
    files: ["db/**"],
    rules: { "no-restricted-imports": ["error", { patterns: DB_FORBIDDEN }] },
  },
  {
    files: ["server/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [APP, TESTS] }] },
  },
  {
    // Scripts run in production too (migrate, seed, admin:create); the harness configs may import tests/.
    files: ["scripts/**", "next.config.ts", "drizzle.config.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [TESTS] }] },
  },
  {
    files: ["server/internal/**"],
    rules: { "no-restricted-imports": ["error", { patterns: INTERNAL_FORBIDDEN }] },
  },
  {
    files: ["server/**/*.ts"],
    ignores: SHARED_SERVER_FILES,
    rules: { "no-restricted-syntax": ["error", ...CLOCK_READS, SERVER_ONLY_FIRST] },
  },
  {
    files: ["app/**", "proxy.ts", "instrumentation.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: APP_FORBIDDEN }] },
  },
  {
    // Type-aware: a promise nobody awaits loses its errors, and one passed where a
    // callback returns nothing (an event handler, say) is never awaited either.
    files: ["**/*.{ts,tsx,mts}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { "@typescript-eslint/no-floating-promises": "error", "@typescript-eslint/no-misused-promises": "error" },
  },
  {
    // The survey and commitments forms ship these to the browser; zod would add about 33 KB (gzip) to the page.
    files: ["lib/survey/fields.ts", "lib/commitment-fields.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [...LIB_FORBIDDEN, "zod"] }] },
  },
];

export default config;
