import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { unauthenticated } from '../errors';
import { clientIp } from './client-ip';
import { contextForSession, type Ctx } from './context';
import { auth } from './next-auth';

/** The signed-in caller of this request, or null. Checked against the database on every request. */
export const getContext = cache(async (): Promise<Ctx | null> => {
  const session = await auth();
  return contextForSession(session?.sid);
});

/** For server actions and route handlers: the caller, or an UNAUTHENTICATED error. */
export async function requireContext(): Promise<Ctx> {
  const ctx = await getContext();
  if (!ctx) throw unauthenticated();
  return ctx;
}

/** For pages: the caller, or a redirect to sign-in. */
export async function requirePageContext(): Promise<Ctx> {
  const ctx = await getContext();
  if (!ctx) redirect('/sign-in');
  return ctx;
}

export async function requestIp(): Promise<string> {
  return clientIp(await headers());
}
