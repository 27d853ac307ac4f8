import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { ROOT } from './run-truce.ts';

/** Terminal control sequences (cursor moves, clearing) that readline writes between the words. */
const CONTROL = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g');

/** A run of the real CLI on a pseudo-terminal, answered like a person would: wait for a prompt, type a line. */
export interface PtySession {
  /** Waits until the screen so far (from the last answer on) contains `text`; returns that part of the screen. */
  expect(text: string): Promise<string>;
  /** Types a line and Enter. */
  answer(line: string): void;
  /** Waits for the CLI to exit; its exit code and everything it wrote. */
  done(): Promise<{ code: number | null; screen: string }>;
}

const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;

/**
 * Starts `truce ...args` under util-linux `script`, which gives it a pseudo-terminal for standard input
 * and output, from the repository root with the environment given (no colour).
 */
export function ptyTruce(env: NodeJS.ProcessEnv, ...args: string[]): PtySession {
  const command = ['node', 'packages/cli/bin/truce.js', ...args].map(quote).join(' ');
  const child: ChildProcessWithoutNullStreams = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd: ROOT,
    env: { ...env, NO_COLOR: '1', TERM: 'dumb' },
  });
  let screen = '';
  let from = 0;
  let waiting: { text: string; resolve: (s: string) => void } | undefined;
  const check = () => {
    if (!waiting) return;
    const seen = screen.slice(from);
    const at = seen.indexOf(waiting.text);
    if (at === -1) return;
    const { resolve, text } = waiting;
    waiting = undefined;
    // The next wait starts just after this match, not at the end of the screen: on a busy machine the
    // next prompt can arrive in the same chunk as this one, and it must not be skipped.
    from += at + text.length;
    resolve(seen);
  };
  const take = (chunk: Buffer) => {
    screen += chunk.toString('utf8').replace(CONTROL, '').replaceAll('\r', '');
    check();
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    expect: (text) =>
      new Promise((resolve, reject) => {
        waiting = { text, resolve };
        check();
        void exited.then(() => {
          if (waiting?.text === text)
            reject(new Error(`the CLI exited before showing ${JSON.stringify(text)}:\n${screen}`));
        });
      }),
    answer: (line) => void child.stdin.write(`${line}\r`),
    done: async () => ({ code: await exited, screen }),
  };
}
