import 'server-only';
import type { FormState } from '../errors';
import { deleteRecord, recordRefSchema, restoreRecord, type RecordKind } from '../records/soft-delete';
import { parseInput } from '../validation';
import { runFormAction } from './form-action';

/** Soft delete from a record page, then back to its list. */
export function deleteRecordFromForm(kind: RecordKind, formData: FormData, listPath: string): Promise<FormState> {
  return runFormAction(
    formData,
    (ctx, raw) => deleteRecord(ctx, kind, parseInput(recordRefSchema, raw)),
    () => ({ revalidate: [listPath], redirectTo: `${listPath}?deleted=only`, saved: 'deleted' }),
  );
}

/** Undo a delete, then to the restored record. */
export function restoreRecordFromForm(kind: RecordKind, formData: FormData, listPath: string): Promise<FormState> {
  return runFormAction(
    formData,
    async (ctx, raw) => {
      const ref = parseInput(recordRefSchema, raw);
      await restoreRecord(ctx, kind, ref);
      return ref;
    },
    ({ id }) => ({ revalidate: [listPath], redirectTo: `${listPath}/${id}`, saved: 'restored' }),
  );
}
