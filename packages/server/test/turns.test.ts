// The turnstile in front of projections: at most `limit` at once, the rest in order, and a waiting
// request that times out never runs.
import { describe, expect, it } from 'vitest';
import { turns } from '../src/turns.ts';

/** A piece of work that runs until it is let go, recording when it started. */
function task(log: string[], name: string) {
  let finish = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    finish: () => finish(),
    work: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
      return name;
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('turns', () => {
  it('runs at most two at once; the third starts when one ends', async () => {
    const inTurn = turns(2);
    const log: string[] = [];
    const [a, b, c] = [task(log, 'a'), task(log, 'b'), task(log, 'c')];
    const never = new AbortController().signal;
    const runs = [inTurn(never, a.work), inTurn(never, b.work), inTurn(never, c.work)];
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    b.finish();
    await tick();
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c']);
    a.finish();
    c.finish();
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c']);
  });

  it('a waiting piece of work whose signal aborts is rejected with the reason and never runs', async () => {
    const inTurn = turns(1);
    const log: string[] = [];
    const [a, b] = [task(log, 'a'), task(log, 'b')];
    const first = inTurn(new AbortController().signal, a.work);
    const controller = new AbortController();
    const second = inTurn(controller.signal, b.work);
    controller.abort(new Error('timed out'));
    await expect(second).rejects.toThrow('timed out');
    a.finish();
    await first;
    await tick();
    expect(log).toEqual(['start a', 'end a']);
  });
});
