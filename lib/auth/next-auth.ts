import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authSecret } from '../env';
import { isDatabaseUnavailable } from '../errors';
import { revokeAuthSession } from './sessions';
import { signInSchema, verifySignIn } from './sign-in';
import { clientIp } from './client-ip';

declare module 'next-auth' {
  interface Session {
    sid?: string;
  }
  interface User {
    sid?: string;
  }
}

/** Carries our refusal reason to the sign-in action ("invalid", "throttled:<seconds>" or "unavailable"). */
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

// Lazy configuration: the secret is read at request time, so `next build` needs none.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 7 * 24 * 3600 },
  pages: { signIn: '/sign-in' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new SignInRefused('invalid');
        let result;
        try {
          result = await verifySignIn(parsed.data, clientIp(request.headers));
        } catch (error) {
          // Otherwise next-auth reports a "Configuration" error page for what is a passing outage.
          if (isDatabaseUnavailable(error)) throw new SignInRefused('unavailable');
          throw error;
        }
        if (!result.ok) throw new SignInRefused(result.reason === 'throttled' ? `throttled:${result.retryAfterSeconds}` : 'invalid');
        return { id: result.userId, sid: result.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sid) token.sid = user.sid;
      return token;
    },
    session({ session, token }) {
      session.sid = typeof token.sid === 'string' ? token.sid : undefined;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await revokeAuthSession(sid);
    },
  },
}));
