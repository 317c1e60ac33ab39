// One error family for the whole app, mapped to HTTP statuses and form messages here and only here.

export type AppErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE';

export type FieldErrors = Record<string, string[]>;

const STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 422,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
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

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** The JSON body and status an API route answers for an error. Unknown errors are logged, never echoed. */
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    const headers: Record<string, string> = {};
    if (error.extra.retryAfterSeconds) headers['Retry-After'] = String(error.extra.retryAfterSeconds);
    return Response.json(
      { error: { code: error.code, message: error.message, fieldErrors: error.extra.fieldErrors, details: error.extra.details } },
      { status: error.status, headers },
    );
  }
  console.error(error);
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

export function formStateFromError(error: unknown, values?: Record<string, string>): FormState {
  if (isAppError(error)) {
    return { ok: false, code: error.code, message: error.message, fieldErrors: error.extra.fieldErrors, details: error.extra.details, values };
  }
  console.error(error);
  return { ok: false, code: 'INTERNAL', message: 'Something went wrong on the server; nothing was saved. Try again.', values };
}
