import type { Tx } from '../db';

/**
 * Names the user whose change this transaction is, for the notification triggers (migration
 * 20261203100000_notifications): a member is not notified of a shift they caused themselves.
 * Transaction-local: it ends with the transaction and never leaks to the next user of the connection.
 */
export async function setActingUser(tx: Tx, userId: string): Promise<void> {
  await tx.$executeRaw`SELECT set_config('stanceboard.acting_user', ${userId}, true)`;
}
