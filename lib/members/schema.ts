import { z } from 'zod';
import { Role } from '../generated/prisma/enums';
import { PASSWORD_MIN_LENGTH } from '../auth/password';
import { requiredText } from '../validation';

// Shared by the members page forms, their server actions, the account page and scripts/user-create.ts.

export const PASSWORD_MAX_LENGTH = 256;

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  ADMIN: 'Everything an analyst can do, plus managing members',
  ANALYST: 'Records actors, sources, assessments and scenarios',
  VIEWER: 'Reads everything, changes nothing',
};

export const emailField = z
  .string({ error: 'Enter an email address' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'Enter an email address' })
  .max(320, { error: 'Email must be at most 320 characters' })
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.org' }));

const roleField = z.enum(Role, { error: 'Choose a role' });
const membershipId = z.uuid({ error: 'Unknown member' });

export const newPasswordField = z
  .string({ error: 'Enter a password' })
  .min(PASSWORD_MIN_LENGTH, { error: `Use at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(PASSWORD_MAX_LENGTH, { error: `Use at most ${PASSWORD_MAX_LENGTH} characters` });

/** A password may not be the account's email address (in any case, with or without surrounding spaces). */
export function passwordIsEmail(password: string, email: string): boolean {
  return password.trim().toLowerCase() === email.trim().toLowerCase();
}

/**
 * How an admin gives a member a password: `generate` makes a one-time password (shown once, and the
 * member must choose their own at next sign-in); `set` uses the password the admin typed.
 */
const passwordChoice = {
  passwordMode: z.enum(['generate', 'set'], { error: 'Choose how to set the password' }).default('generate'),
  password: z.string().optional().default(''),
};

function checkChosenPassword(
  value: { passwordMode: 'generate' | 'set'; password: string },
  email: string | undefined,
  ctx: z.RefinementCtx,
) {
  if (value.passwordMode !== 'set') return;
  const parsed = newPasswordField.safeParse(value.password);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: ['password'], message: issue.message });
    return;
  }
  if (email && passwordIsEmail(value.password, email)) {
    ctx.addIssue({ code: 'custom', path: ['password'], message: 'The password must not be the email address' });
  }
}

/** Add a member: a new account (with a password), or an existing account joining this workspace. */
export const memberAddSchema = z
  .object({
    email: emailField,
    name: requiredText('Name', 200),
    role: roleField,
    ...passwordChoice,
  })
  .superRefine((value, ctx) => checkChosenPassword(value, value.email, ctx));
export type MemberAddInput = z.infer<typeof memberAddSchema>;

export const memberRoleSchema = z.object({ membershipId, role: roleField });
export type MemberRoleInput = z.infer<typeof memberRoleSchema>;

export const memberRefSchema = z.object({ membershipId });
export type MemberRefInput = z.infer<typeof memberRefSchema>;

/** The email check needs the stored account, so commands.ts repeats it once the member is loaded. */
export const memberPasswordSchema = z
  .object({ membershipId, ...passwordChoice })
  .superRefine((value, ctx) => checkChosenPassword(value, undefined, ctx));
export type MemberPasswordInput = z.infer<typeof memberPasswordSchema>;

/** Form fields that hold secrets: never echoed back to the browser after a failed submit. */
export const SECRET_FIELDS = ['password', 'currentPassword', 'newPassword', 'confirmPassword'] as const;
