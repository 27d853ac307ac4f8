/**
 * At most `limit` pieces of work at once (a projection already uses every core); the others wait their
 * turn, in order, or give up with the signal's reason when their request times out or goes away.
 * @example const inTurn = turns(2); await inTurn(signal, () => project(...));
 */
export function turns(limit: number) {
  let running = 0;
  const queue: (() => void)[] = [];
  return async <T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> => {
    if (running >= limit)
      await new Promise<void>((resolve, reject) => {
        const go = () => {
          signal.removeEventListener('abort', stop);
          resolve();
        };
        const stop = () => {
          const i = queue.indexOf(go);
          if (i >= 0) queue.splice(i, 1);
          reject(signal.reason);
        };
        queue.push(go);
        signal.addEventListener('abort', stop, { once: true });
      });
    running++;
    try {
      return await work();
    } finally {
      running--;
      queue.shift()?.();
    }
  };
}
