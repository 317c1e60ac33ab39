import { availableParallelism } from 'node:os';
import { z } from 'zod';

// The app's settings, read from process.env in one place and validated on first use; scripts/app.ts checks the
// settings it hands the app (checkEnv) before it serves, so a bad value stops the start with its name. Outside this
// file only next.config.js (plain JavaScript, loaded before any TypeScript) and proxy.ts (which may run outside Node)
// read variables directly, and NODE_ENV is read where it is needed.
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url({ error: 'DATABASE_URL must be a postgresql:// URL' }).optional(),
  /** Port of the embedded PostgreSQL that `npm run dev` / `npm start` run when DATABASE_URL is unset (lib/db/server.ts). */
  EMBEDDED_PG_PORT: z.coerce.number({ error: 'EMBEDDED_PG_PORT must be a port number' }).int().min(1).max(65535).default(54329),
  /** A streaming replica of DATABASE_URL: dashboard, chart and list reads go there (lib/db/index.ts readDb). */
  DATABASE_REPLICA_URL: z.string().url({ error: 'DATABASE_REPLICA_URL must be a postgresql:// URL' }).optional(),
  AUTH_SECRET: z.string().min(32, { error: 'AUTH_SECRET must be at least 32 characters' }).optional(),
  SESSION_IDLE_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  /** Set by scripts/app.ts when the app runs on the embedded demo database. */
  STANCEBOARD_EMBEDDED: z.enum(['0', '1']).default('0'),
  /** Requests per minute allowed to one API token (and to one signed-in user calling the API). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** Server processes `npm start` runs behind the one port (scripts/server.ts); default one per core. */
  WEB_CONCURRENCY: z.coerce.number({ error: 'WEB_CONCURRENCY must be a whole number of server processes' }).int().min(1).max(64).optional(),
  /** 1: token callers of the API's hot routes are answered without Next's pipeline (scripts/api-fast-path.ts); 0: Next answers everything. */
  API_FAST_PATH: z.enum(['0', '1'], { error: 'API_FAST_PATH must be 0 or 1' }).default('1'),
  /** Reverse proxies in front of the app that append to X-Forwarded-For (lib/auth/client-ip.ts); 0: the header is ignored. */
  TRUSTED_PROXY_HOPS: z.coerce.number({ error: 'TRUSTED_PROXY_HOPS must be a whole number of proxies' }).int().min(0).max(10).default(0),
  /** Largest import file (and workspace import body), in bytes. */
  IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(50 * 1024 * 1024),
  /** Where the notification digest is sent through (smtp://user:pass@host:25 or smtps://…:465); unset: no email. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/?#]+/, { error: 'SMTP_URL must be smtp://[user:password@]host[:port] or smtps://…' })
    .optional(),
  /** The From of the digest. */
  SMTP_FROM: z.string().min(3).default('Stanceboard <stanceboard@localhost>'),
  /** The app's public address, for the links in the digest (http://localhost:3000); unset: links are paths. */
  APP_URL: z.string().url({ error: 'APP_URL must be a URL such as https://stanceboard.example.org' }).optional(),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

function parseSettings<S extends z.ZodType>(schema: S, source: unknown): z.output<S> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return parsed.data;
}

/** The settings of `source`, or an error naming every variable that is wrong and why. */
export function checkEnv(source: NodeJS.ProcessEnv): Env {
  return parseSettings(envSchema, source);
}

export function env(): Env {
  cached ??= checkEnv(process.env);
  return cached;
}

/** Test hook: forget the cached environment after a test changes process.env. */
export function resetEnvCache(): void {
  cached = undefined;
}

const databaseSelectionSchema = envSchema.pick({ DATABASE_URL: true, EMBEDDED_PG_PORT: true });

/**
 * The settings that choose the database (lib/db/server.ts resolveDatabase), checked alone and read afresh on
 * every call: scripts choose the database before the rest of the settings matter, then set DATABASE_URL for the
 * code they run and reset the cache of env(). An empty DATABASE_URL means unset, as it always has there.
 */
export function databaseSelectionEnv(source: NodeJS.ProcessEnv = process.env): z.infer<typeof databaseSelectionSchema> {
  const { DATABASE_URL, EMBEDDED_PG_PORT } = source;
  return parseSettings(databaseSelectionSchema, { DATABASE_URL: DATABASE_URL || undefined, EMBEDDED_PG_PORT: EMBEDDED_PG_PORT || undefined });
}

export function requireDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. Start the app with `npm run dev` or `npm start` (they provide the embedded database), or set DATABASE_URL to your PostgreSQL server.',
    );
  }
  return url;
}

/** How many server processes `npm start` runs: WEB_CONCURRENCY, else one per core. */
export function webConcurrency(): number {
  return env().WEB_CONCURRENCY ?? availableParallelism();
}

export function authSecret(): string {
  const { AUTH_SECRET, NODE_ENV } = env();
  if (AUTH_SECRET) return AUTH_SECRET;
  if (NODE_ENV === 'production') {
    throw new Error('AUTH_SECRET is required in production: set it to a random string of 32+ characters (e.g. `openssl rand -base64 48`).');
  }
  return 'development-only-secret-not-for-production-use-0000';
}
