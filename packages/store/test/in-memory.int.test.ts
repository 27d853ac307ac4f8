import { expect, it } from 'vitest';
import { openStore } from '../src/index.ts';

// Its own file, so its initdb runs beside the shared suite's rather than after it.
it('opens in memory when given neither a URL nor a folder', async () => {
  const memory = await openStore();
  try {
    expect(await memory.verify('anything')).toEqual({ ok: true, count: 0 });
    expect(await memory.addAgreement('not: [an agreement')).toMatchObject({ ok: false });
  } finally {
    await memory.close();
  }
});
