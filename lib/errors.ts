// One error family for the whole app, mapped to HTTP statuses and form messages here and only here.
import { markDatabaseUnavailable } from './db/outage';

export type AppErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNAVAILABLE';

export type FieldErrors = Record<string, string[]>;

const STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 422,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNAVAILABLE: 503,
};

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly extra: { fieldErrors?: FieldErrors; details?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const unauthenticated = () => new AppError('UNAUTHENTICATED', 'Sign in to continue.');
export const forbidden = (what = 'do this') => new AppError('FORBIDDEN', `Your role in this workspace does not allow you to ${what}.`);
/** Records of other workspaces are reported as missing, never as forbidden, so their existence does not leak. */
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found.`);
export const invalid = (fieldErrors: FieldErrors, message = 'Some fields need attention.') =>
  new AppError('VALIDATION', message, { fieldErrors });

/** A server action of a form with useActionState: the previous state and the form's data in, the next state out. */
export type FormAction = (prev: FormState, formData: FormData) => Promise<FormState>;

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is not answering. Nothing was saved; try again in a few seconds.';
const DATABASE_RETRY_AFTER_SECONDS = 5;

// Prisma: can't reach, timed out, server closed the connection, pool timeout.
const PRISMA_UNAVAILABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
// PostgreSQL: connection exceptions (08…), admin/crash shutdown, cannot connect now (57P01-57P03).
const PG_UNAVAILABLE = /^(08...|57P0[1-3])$/;
const NODE_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const ADAPTER_UNAVAILABLE = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const MESSAGE_UNAVAILABLE = /Can't reach database server|Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (shutting down|starting up|in recovery mode)/i;

/**
 * True when an error means "PostgreSQL did not answer" (stopped, restarting, unreachable) rather than a
 * bug: Prisma's, the pg driver's and Node's ways of saying so, anywhere in the cause chain.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 6 || typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; meta?: { code?: unknown; message?: unknown; driverAdapterError?: unknown }; kind?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (PRISMA_UNAVAILABLE.has(code) || PG_UNAVAILABLE.test(code) || NODE_UNAVAILABLE.has(code)) return true;
  if (typeof e.meta?.code === 'string' && PG_UNAVAILABLE.test(e.meta.code)) return true;
  if (typeof e.kind === 'string' && ADAPTER_UNAVAILABLE.has(e.kind)) return true;
  if (typeof e.message === 'string' && MESSAGE_UNAVAILABLE.test(e.message)) return true;
  if (typeof e.meta?.message === 'string' && MESSAGE_UNAVAILABLE.test(e.meta.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  // Prisma 7 with a driver adapter: meta.driverAdapterError.cause is { kind, code, … }.
  if (isDatabaseUnavailable(e.meta?.driverAdapterError, depth + 1)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

export const databaseUnavailable = () => new AppError('UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE, { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS });

/** The AppError an error stands for: itself, a 503 for a database outage, or null for a bug. */
export function asAppError(error: unknown): AppError | null {
  if (isAppError(error)) return error;
  if (isDatabaseUnavailable(error)) {
    markDatabaseUnavailable();
    return databaseUnavailable();
  }
  return null;
}

/** The JSON body and status an API route answers for an error. Unknown errors are logged, never echoed. */
export function errorResponse(caught: unknown): Response {
  const error = asAppError(caught);
  if (error) {
    const headers: Record<string, string> = {};
    if (error.extra.retryAfterSeconds) headers['Retry-After'] = String(error.extra.retryAfterSeconds);
    return Response.json(
      { error: { code: error.code, message: error.message, fieldErrors: error.extra.fieldErrors, details: error.extra.details } },
      { status: error.status, headers },
    );
  }
  console.error(caught);
  return Response.json({ error: { code: 'INTERNAL', message: 'Something went wrong on the server.' } }, { status: 500 });
}

/** What a server action returns to its form. `values` echoes the input so nothing typed is lost. */
export interface FormState {
  ok?: boolean;
  message?: string;
  code?: AppErrorCode | 'INTERNAL';
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
  details?: unknown;
}

export function formStateFromError(caught: unknown, values?: Record<string, string>): FormState {
  const error = asAppError(caught);
  if (error) {
    return { ok: false, code: error.code, message: error.message, fieldErrors: error.extra.fieldErrors, details: error.extra.details, values };
  }
  console.error(caught);
  return { ok: false, code: 'INTERNAL', message: 'Something went wrong on the server; nothing was saved. Try again.', values };
}
