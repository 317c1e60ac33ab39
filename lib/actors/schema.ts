import { z } from 'zod';
import { ActorKind } from '../generated/prisma/enums';
import { optionalText, recordId, requiredText, storableString, version } from '../validation';

export const ACTOR_KIND_LABELS: Record<ActorKind, string> = {
  PERSON: 'Person',
  STATE: 'State',
  ORGANISATION: 'Organisation',
  ARMED_GROUP: 'Armed group',
  OTHER: 'Other',
};

const aliasList = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(/[,\n;]/) : value ?? []),
  z
    .array(storableString('Each alias').trim().max(120, { error: 'Each alias must be at most 120 characters' }))
    .transform((list) => [...new Set(list.filter(Boolean))])
    .refine((list) => list.length <= 50, { error: 'At most 50 aliases' }),
);

const optionalId = z.preprocess((v) => (v === '' || v === undefined ? null : v), z.uuid({ error: 'Choose an actor from the list' }).nullable());

/** Create an actor: shared by the form, the server action and the API. */
export const actorCreateSchema = z.object({
  name: requiredText('Name', 200),
  kind: z.enum(ActorKind, { error: 'Choose a kind' }),
  aliases: aliasList,
  parentId: optionalId,
  description: optionalText('Description', 5000),
});
export type ActorCreateInput = z.infer<typeof actorCreateSchema>;

export const actorUpdateSchema = actorCreateSchema.extend({ id: recordId('Actor'), version });
export type ActorUpdateInput = z.infer<typeof actorUpdateSchema>;
