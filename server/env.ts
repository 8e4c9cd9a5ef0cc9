import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * The one module that reads process.env. Everything else imports `env` from here, so a
 * misconfiguration fails loudly at start-up instead of deep inside a request.
 */
const flag = z
  .enum(["on", "off", "true", "false", "1", "0"])
  .transform((value) => value === "on" || value === "true" || value === "1");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgres:// URL" })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
    FULCRUM_DATA_DIR: z.string().min(1).default(".data"),
    FULCRUM_DEMO: flag.default(true),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
    // How many reverse proxies sit in front of the app and append to X-Forwarded-For.
    // 0 means the app is reached directly and the header, which a client can forge, is ignored.
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    // An SMTP server for invitation emails, e.g. smtps://user:password@smtp.example.com.
    // Without it, invitation links are only shown to the admin, who passes them on.
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// URL" }).optional().or(z.literal("").transform(() => undefined)),
    SMTP_FROM: z.string().min(3).default("Fulcrum <no-reply@localhost>"),
    // The address people use to reach the app, for links in invitations. Defaults to the
    // address of the request that created the link.
    FULCRUM_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional().or(z.literal("").transform(() => undefined)),
  })
  .refine((value) => value.FULCRUM_DEMO || value.AUTH_SECRET, {
    message: "AUTH_SECRET is required when FULCRUM_DEMO is off",
    path: ["AUTH_SECRET"],
  });

function parseEnv() {
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  const dataDir = path.resolve(result.data.FULCRUM_DATA_DIR);
  return {
    ...result.data,
    databaseKind: result.data.DATABASE_URL ? ("postgres" as const) : ("pglite" as const),
    dataDir,
    pgliteDir: path.join(dataDir, "pglite"),
  };
}

export const env = parseEnv();

let cachedSecret: string | undefined;

/**
 * The secret that signs sessions. In demo mode a missing secret is generated once and kept
 * in the data directory (gitignored), so sessions survive a restart without any setup.
 */
export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (cachedSecret) return cachedSecret;
  const file = path.join(env.dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(env.dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(48).toString("base64url"), { flag: "wx", mode: 0o600 });
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  cachedSecret = readFileSync(file, "utf8").trim();
  return cachedSecret;
}
