import { z } from 'zod';
import { Role } from '../generated/prisma/enums';
import { requiredText } from '../validation';

/** What the user types to create a personal API token. */
export const tokenCreateSchema = z.object({
  name: requiredText('Name', 100),
  role: z.enum(Role, { error: 'Choose the role the token acts with' }),
});
export type TokenCreateInput = z.infer<typeof tokenCreateSchema>;

export const tokenRefSchema = z.object({ id: z.uuid({ error: 'Unknown token' }) });

/** Every secret starts with this, so a leaked token is recognisable (and scannable) for what it is. */
export const TOKEN_PREFIX = 'sb_';
/** Characters of the secret kept in clear (prefix included) to tell tokens apart in the list. */
export const TOKEN_DISPLAY_LENGTH = 11;
