import { DatabaseUnavailableError, isRetryableTransactionError } from "./database-errors";

export interface RetryOptions {
  /** Runs in all, the first included. */
  attempts: number;
  /** The first retry waits up to this long, each further one up to twice as long as the one before. */
  baseDelayMs: number;
}

// Batches take their locks in one order and should not deadlock at all; these retries cover what an
// order cannot (a writer outside ingest, a serialization failure) without keeping a client waiting long.
export const TRANSACTION_RETRY: RetryOptions = { attempts: 6, baseDelayMs: 25 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a whole transaction again when the database aborted it as a deadlock victim or a
 * serialization failure, waiting a random share of a doubling delay between attempts ("full
 * jitter", so that the transactions that collided do not collide again in step). When every
 * attempt failed the caller gets a DatabaseUnavailableError, which is answered 503 + Retry-After.
 */
export async function retryOnConflict<T>(run: () => Promise<T>, options: RetryOptions = TRANSACTION_RETRY): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isRetryableTransactionError(error)) throw error;
      if (attempt >= options.attempts) {
        throw new DatabaseUnavailableError(`The database aborted the transaction ${attempt} times (deadlock or serialization failure); retry later.`, 2, {
          cause: error,
        });
      }
      await sleep(Math.random() * options.baseDelayMs * 2 ** (attempt - 1));
    }
  }
}
