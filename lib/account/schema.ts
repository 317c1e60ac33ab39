import { z } from 'zod';
import { newPasswordField } from '../members/schema';

/** A signed-in user choosing their own password (the account page). */
export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'Enter your current password' }).min(1, { error: 'Enter your current password' }).max(1024),
    newPassword: newPasswordField,
    confirmPassword: z.string().optional().default(''),
  })
  .superRefine((value, ctx) => {
    if (value.confirmPassword !== value.newPassword) {
      ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'The two new passwords do not match' });
    }
    if (value.newPassword === value.currentPassword) {
      ctx.addIssue({ code: 'custom', path: ['newPassword'], message: 'Choose a password different from the current one' });
    }
  });
export type ChangeOwnPasswordInput = z.infer<typeof changeOwnPasswordSchema>;
