import 'server-only';
import { cache } from 'react';
import { markDatabaseUnavailable } from '../db/outage';
import { AppError, isAppError, isDatabaseUnavailable, unauthenticated } from '../errors';
import { contextForToken } from '../tokens/authenticate';
import { authorize, contextForSession, type Ctx } from './context';
import type { Permission } from './permissions';
import { auth } from './next-auth';

// The one request guard. Pages (requirePageContext, lib/auth/request.ts), server actions (runFormAction,
// lib/actions/form-action.ts) and API routes (apiRoute, lib/api/handler.ts) all ask it who the caller
// is and whether they may go on; they differ only in how they answer a refusal (a redirect, a
// FormState, a JSON error) and in the checks of their own kind (the API's rate limit and same-origin
// check, through `admit`).

export interface ContextOptions {
  /** Only the account page (and the layout and actions around it) serve a user who must still replace a one-time password. */
  allowPendingPasswordChange?: boolean;
}

export interface GuardOptions extends ContextOptions {
  /**
   * An API request: a Bearer token in its Authorization header is the caller (a bad or revoked one is
   * refused even if a session cookie came along, so a client never silently acts as someone else);
   * without the header, the session. Pages and actions pass none: the session cookie is all they take.
   */
  request?: Request;
  /** Checked with authorize(). Left out by actions, whose domain function names it itself. */
  permission?: Permission;
  /**
   * The entry kind's own checks, run once the caller is known and before the permission (the API: the
   * same-origin check of cookie writes, then the per-caller rate limit). What it throws is thrown.
   */
  admit?: (ctx: Ctx) => void | Promise<void>;
}

/** Why a caller was turned away: each entry kind answers these in its own way (the page guard by redirecting). */
export type RefusalReason = 'signed-out' | 'password-change-due' | 'permission-missing';

export type Guarded = { ok: true; ctx: Ctx } | { ok: false; reason: RefusalReason; error: AppError };

/**
 * The caller by the session cookie (next-auth's JWT names the server-side session), or null. Checked
 * against the database on every request, once per request render (React's cache()).
 */
const sessionCaller = cache(async (): Promise<Ctx | null> => {
  const session = await auth();
  try {
    return await contextForSession(session?.sid);
  } catch (error) {
    // Every page starts here: remember the outage so the server answers the failed page with a 503.
    if (isDatabaseUnavailable(error)) markDatabaseUnavailable();
    throw error;
  }
});

const refuse = (reason: RefusalReason, error: AppError): Guarded => ({ ok: false, reason, error });

/**
 * Who the caller is (session or Bearer token), then the rules every entry shares: an active
 * membership of the workspace (no Ctx without one), no work while a one-time password is still to be
 * replaced, the entry kind's `admit`, and the permission.
 */
export async function checkRequest(options: GuardOptions = {}): Promise<Guarded> {
  const header = options.request?.headers.get('authorization') ?? null;
  let ctx: Ctx | null;
  if (header !== null) {
    const secret = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    if (!secret) return refuse('signed-out', new AppError('UNAUTHENTICATED', 'Send the API token as “Authorization: Bearer sb_…”.'));
    // Remembered for a few seconds per process (lib/tokens/authenticate.ts): a busy client costs no lookups.
    ctx = await contextForToken(secret);
    if (!ctx) {
      return refuse(
        'signed-out',
        new AppError('UNAUTHENTICATED', 'This API token is not valid: it is unknown or revoked, or its owner no longer has access to the workspace.'),
      );
    }
  } else {
    ctx = await sessionCaller();
    if (!ctx) return refuse('signed-out', unauthenticated());
  }
  // Enforced here for every entry, not only by the page's redirect: a direct POST of any action or API
  // call must not work with a one-time password.
  if (ctx.mustChangePassword && !options.allowPendingPasswordChange) {
    return refuse(
      'password-change-due',
      new AppError(
        'FORBIDDEN',
        ctx.via.kind === 'token'
          ? 'The token’s owner must choose their own password in the web app first.'
          : 'Choose your own password on the Account page before doing anything else.',
      ),
    );
  }
  await options.admit?.(ctx);
  if (options.permission) {
    try {
      authorize(ctx, options.permission);
    } catch (error) {
      if (isAppError(error)) return refuse('permission-missing', error);
      throw error;
    }
  }
  return { ok: true, ctx };
}

/** checkRequest for entries that answer a refusal as an error (actions, API routes): the caller, or the refusal thrown. */
export async function guardRequest(options: GuardOptions = {}): Promise<Ctx> {
  const outcome = await checkRequest(options);
  if (!outcome.ok) throw outcome.error;
  return outcome.ctx;
}
