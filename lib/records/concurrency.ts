import { AppError, notFound } from '../errors';

/**
 * Optimistic concurrency: a write names the version it was based on. When someone else saved in
 * between, the write is refused with what is stored now, so the form can show what changed and keep
 * the user's input for re-applying.
 */
export function staleVersionError<T extends Record<string, unknown>>(what: string, current: T, changedBy?: string): AppError {
  return new AppError(
    'CONFLICT',
    `${what} was changed by ${changedBy ?? 'someone else'} since you opened it. Your input is kept below; review what changed and save again.`,
    { details: { current } },
  );
}

/** Turns the result of a version-guarded updateMany into success, NOT_FOUND or CONFLICT. */
export async function assertVersionedWrite<T extends Record<string, unknown>>(
  count: number,
  what: string,
  loadCurrent: () => Promise<T | null>,
  changedBy?: (current: T) => Promise<string | undefined>,
): Promise<void> {
  if (count === 1) return;
  const current = await loadCurrent();
  if (!current) throw notFound(what);
  throw staleVersionError(what, current, changedBy ? await changedBy(current) : undefined);
}

/** Prisma's unique-constraint violation, turned into a field error. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}
