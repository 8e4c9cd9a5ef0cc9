// Shared with next.config.ts, which Node.js loads outside any bundle: the marker import that
// opens every other server module would throw there. Nothing here may reach a client component.
import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * The one module that reads process.env. Everything else imports `env` from here, so a
 * misconfiguration fails loudly at start-up instead of deep inside a request.
 */
const flag = z.enum(["on", "off", "true", "false", "1", "0"]).transform((value) => value === "on" || value === "true" || value === "1");

/** Loopback hosts, where a test's provider runs: the only ones an issuer may reach over plain http. */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function issuerIsSafe(value: string) {
  // Not a URL at all: the URL check has said so.
  if (!URL.canParse(value)) return true;
  const url = new URL(value);
  if (url.search || url.hash) return false;
  return url.protocol === "https:" || LOOPBACK_HOSTS.has(url.hostname);
}

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
    // Three states: on, off, or unset. Unset is not on: a deployment that forgets the
    // variable must not get the demo's admin, whose password the sign-in page prints.
    // `npm start` on a fresh clone turns it on for the newcomer (scripts/demo-default.mjs).
    FULCRUM_DEMO: flag.optional().or(z.literal("").transform(() => undefined)),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
    // Seals survey answers while a cycle is open (see server/seal.ts): 32 random bytes in
    // base64, `openssl rand -base64 32`. The database never holds it.
    FULCRUM_SEAL_KEY: z
      .string()
      .refine((value) => Buffer.from(value, "base64").length === 32 && /^[A-Za-z0-9+/]+=*$/.test(value), {
        error: "FULCRUM_SEAL_KEY must be 32 bytes in base64 (openssl rand -base64 32)",
      })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    // How many reverse proxies sit in front of the app and append to X-Forwarded-For.
    // 0 means the app is reached directly and the header, which a client can forge, is ignored.
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    // An SMTP server for invitation emails, e.g. smtps://user:password@smtp.example.com.
    // Without it, invitation links are only shown to the admin, who passes them on.
    SMTP_URL: z
      .url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// URL" })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    SMTP_FROM: z.string().min(3).default("Fulcrum <no-reply@localhost>"),
    // The address people use to reach the app, for links in invitations. Defaults to the
    // address of the request that created the link.
    FULCRUM_PUBLIC_URL: z
      .url({ protocol: /^https?$/ })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    // Sign-in through the company's OpenID Connect provider: all three, or none. The issuer
    // is https, but for a provider on this machine (the tests'), which may be plain http.
    FULCRUM_OIDC_ISSUER: z
      .url({ protocol: /^https?$/, error: "FULCRUM_OIDC_ISSUER must be the provider's https:// issuer URL" })
      .refine(issuerIsSafe, {
        error: "FULCRUM_OIDC_ISSUER must be an https:// URL (plain http only for localhost or 127.0.0.1), without a query or fragment",
      })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    FULCRUM_OIDC_CLIENT_ID: z
      .string()
      .trim()
      .min(1)
      .optional()
      .or(z.literal("").transform(() => undefined)),
    FULCRUM_OIDC_CLIENT_SECRET: z
      .string()
      .min(1)
      .optional()
      .or(z.literal("").transform(() => undefined)),
    // What the sign-in button says: "Sign in with <name>".
    FULCRUM_OIDC_NAME: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .default("your company account")
      .or(z.literal("").transform(() => "your company account")),
    // Off leaves the company's provider as the only way in: no password form, and no link that sets a password.
    FULCRUM_PASSWORD_SIGNIN: flag.default(true).or(z.literal("").transform(() => true)),
  })
  .refine(
    (value) =>
      new Set([value.FULCRUM_OIDC_ISSUER, value.FULCRUM_OIDC_CLIENT_ID, value.FULCRUM_OIDC_CLIENT_SECRET].map((part) => part === undefined)).size === 1,
    {
      message: "FULCRUM_OIDC_ISSUER, FULCRUM_OIDC_CLIENT_ID and FULCRUM_OIDC_CLIENT_SECRET go together: set all three, or none",
      path: ["FULCRUM_OIDC_ISSUER"],
    },
  )
  .refine((value) => value.FULCRUM_PASSWORD_SIGNIN || value.FULCRUM_OIDC_ISSUER, {
    message: "FULCRUM_PASSWORD_SIGNIN=off needs an OpenID Connect provider (FULCRUM_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET): otherwise nobody could sign in",
    path: ["FULCRUM_PASSWORD_SIGNIN"],
  })
  // Explicitly off: the secrets are required as soon as the configuration is read. Unset, they
  // are required when a production server starts (missingServerSecrets below), not here:
  // next.config.ts reads this module during `next build` too, and an image is built
  // without the secrets it will run with.
  .refine((value) => value.FULCRUM_DEMO !== false || value.AUTH_SECRET, {
    message: "AUTH_SECRET is required when FULCRUM_DEMO is off",
    path: ["AUTH_SECRET"],
  })
  .refine((value) => value.FULCRUM_DEMO !== false || value.FULCRUM_SEAL_KEY, {
    message: "FULCRUM_SEAL_KEY is required when FULCRUM_DEMO is off (openssl rand -base64 32), and must be backed up",
    path: ["FULCRUM_SEAL_KEY"],
  });

function parseEnv() {
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  const dataDir = path.resolve(result.data.FULCRUM_DATA_DIR);
  const { FULCRUM_OIDC_ISSUER: issuer, FULCRUM_OIDC_CLIENT_ID: clientId, FULCRUM_OIDC_CLIENT_SECRET: clientSecret } = result.data;
  return {
    ...result.data,
    /** The company's OpenID Connect provider, or null when sign-in is by password only. */
    oidc: issuer && clientId && clientSecret ? { issuer, clientId, clientSecret, name: result.data.FULCRUM_OIDC_NAME } : null,
    passwordSignIn: result.data.FULCRUM_PASSWORD_SIGNIN,
    databaseKind: result.data.DATABASE_URL ? ("postgres" as const) : ("pglite" as const),
    dataDir,
    pgliteDir: path.join(dataDir, "pglite"),
  };
}

export const env = parseEnv();

const generated = new Map<string, string>();

/**
 * Whether a missing secret may be generated: in demo mode, and, with FULCRUM_DEMO unset,
 * in every process that is not a production server (tests, `next dev`, the scripts and
 * the benchmark), where no real account is at stake. A production server with FULCRUM_DEMO
 * unset guards real accounts, so it needs secrets that someone chose and backed up.
 */
const mayGenerateSecrets = () => env.FULCRUM_DEMO === true || (env.FULCRUM_DEMO === undefined && env.NODE_ENV !== "production");

const REQUIRED_SECRETS = {
  "auth-secret": "AUTH_SECRET is required unless FULCRUM_DEMO=on: at least 32 characters (openssl rand -base64 48).",
  "seal-key": "FULCRUM_SEAL_KEY is required unless FULCRUM_DEMO=on: 32 bytes in base64 (openssl rand -base64 32), and it must be backed up.",
} as const;

/**
 * A secret kept in the data directory (gitignored), generated there on first use: demo
 * mode needs no setup, and the secret survives a restart.
 */
function generatedSecret(name: keyof typeof REQUIRED_SECRETS, bytes: number, encoding: BufferEncoding): string {
  const cached = generated.get(name);
  if (cached) return cached;
  if (!mayGenerateSecrets()) throw new Error(REQUIRED_SECRETS[name]);
  const file = path.join(env.dataDir, name);
  if (!existsSync(file)) {
    mkdirSync(env.dataDir, { recursive: true });
    // Written whole under another name, then linked into place: a process starting at the
    // same moment finds either no file or the complete one, never half of it.
    const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(draft, randomBytes(bytes).toString(encoding), { flag: "wx", mode: 0o600 });
    try {
      linkSync(draft, file);
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      unlinkSync(draft);
    }
  }
  const secret = readFileSync(file, "utf8").trim();
  generated.set(name, secret);
  return secret;
}

/** The secret that signs sessions: AUTH_SECRET, or (in demo mode, or outside a production server) one generated once. */
export function authSecret(): string {
  return env.AUTH_SECRET ?? generatedSecret("auth-secret", 48, "base64url");
}

/** The key that seals answers, as base64: FULCRUM_SEAL_KEY, or (in demo mode, or outside a production server) one generated once. */
export function sealKeyBase64(): string {
  return env.FULCRUM_SEAL_KEY ?? generatedSecret("seal-key", 32, "base64");
}

/**
 * For a server about to serve: the secrets it needs and cannot generate, one sentence
 * each; empty when nothing is missing. Checked at start, so that a missing secret stops
 * the start instead of failing the first sign-in. Generating a permitted one is left to
 * its first use: a data directory that cannot be written has a clearer error of its own.
 */
export function missingServerSecrets(): string[] {
  if (mayGenerateSecrets()) return [];
  return [env.AUTH_SECRET ? null : REQUIRED_SECRETS["auth-secret"], env.FULCRUM_SEAL_KEY ? null : REQUIRED_SECRETS["seal-key"]].filter(
    (problem) => problem !== null,
  );
}

/**
 * The port the server listens on. `next start` and `next dev` set PORT once they listen,
 * before the app starts; read when asked, since this module may load before that.
 */
export const listeningPort = () => process.env.PORT ?? "3000";
