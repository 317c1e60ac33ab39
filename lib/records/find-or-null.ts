import { isAppError } from '../errors';

/** For pages: a NOT_FOUND from lib/ becomes null (so the page can call notFound()); other errors propagate. */
export async function findOrNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}
