import { createInterface } from 'node:readline/promises';
import { CliError } from './cli-error.ts';
import type { PromptIo } from './record-prompts.ts';

/**
 * Runs `work` with questions asked on the terminal (standard input and output). Ctrl-C or the end of
 * input stops it with a usage error, so nothing half-asked is ever stored.
 */
export async function withTerminal<T>(work: (io: PromptIo) => Promise<T>): Promise<T> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const stopped = new Promise<never>((_resolve, reject) => {
    const stop = () => reject(new CliError('usage', 'stopped; nothing was recorded'));
    rl.on('close', stop);
    rl.on('SIGINT', () => {
      process.stdout.write('\n');
      rl.close();
    });
  });
  // Keeps an unanswered rejection from being reported when work finishes first.
  stopped.catch(() => undefined);
  const io: PromptIo = {
    ask: (question) => Promise.race([rl.question(question), stopped]),
    say: (line) => void process.stdout.write(`${line}\n`),
  };
  try {
    return await Promise.race([work(io), stopped]);
  } finally {
    rl.removeAllListeners('close');
    rl.close();
  }
}
