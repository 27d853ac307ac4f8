// `truce review` and the server's review make the same events from the same report and decisions: a
// report reviewed from the CLI and then through the API (as the dashboard does) records nothing twice.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '@truce/server';
import { openStore } from '@truce/store';
import { describe, expect, it } from 'vitest';
import { ROOT, sharedWorkspace } from './run-truce.ts';

const { dir, inWorkspace } = sharedWorkspace('truce-review-agrees-');
const ID = 'gaza-2023-pause';
const SEED = '../shared/articles/talks-report-2023.txt';
// The seed report lives beside the repository (../shared, as the issue names it); a clone without it skips this.
const HAVE_SEED = existsSync(join(ROOT, SEED));

const DECISIONS = [
  { candidate: 10, kind: 'pause-agreed', action: 'note', set: { party: 'qatar' } },
  { candidate: 12, kind: 'pause-started', action: 'accept' },
  { candidate: 13, kind: 'pause-ended', action: 'accept' },
  {
    candidate: 14,
    kind: 'release',
    action: 'edit',
    set: { cohort: 'hostages-women-children', occurred: '2023-11-30' },
  },
];

describe.skipIf(!HAVE_SEED)('a report reviewed from the CLI, then through the server', () => {
  it('is recorded once: the server names the events the CLI made, already recorded', async () => {
    expect(inWorkspace('init').code).toBe(0);
    const file = join(dir, 'decisions.json');
    writeFileSync(file, JSON.stringify(DECISIONS));
    const cli = inWorkspace(
      ...['review', SEED, '--published', '2023-12-02', '--agreement', ID, '--outlet', 'Example Wire'],
      ...['--decisions', file, '--json'],
    );
    expect(cli.stderr).toBe('');
    const recorded = (JSON.parse(cli.stdout).outcomes as { action: string; id: string }[]).filter(
      (o) => o.action === 'recorded',
    );
    expect(recorded).toHaveLength(4);

    const store = await openStore({ dataDir: join(dir, 'data') });
    const server = await startServer(store, { port: 0, adminToken: 'agrees-admin-token', log: () => {} });
    try {
      const response = await fetch(`${server.url}/api/agreements/${ID}/review`, {
        method: 'POST',
        headers: { authorization: 'Bearer agrees-admin-token', 'content-type': 'application/json' },
        body: JSON.stringify({
          report: {
            text: readFileSync(join(ROOT, SEED), 'utf8'),
            published: '2023-12-02',
            outlet: 'Example Wire',
            name: 'talks-report-2023.txt',
          },
          decisions: DECISIONS.map(({ set, ...d }) => (set ? { ...d, fields: set } : d)),
        }),
      });
      expect(response.status).toBe(200);
      const answer = (await response.json()) as { outcomes: { action: string; id?: string }[] };
      const named = answer.outcomes.filter((o) => o.id !== undefined);
      expect(named.map((o) => o.action)).toEqual(Array(4).fill('already recorded'));
      expect(named.map((o) => o.id)).toEqual(recorded.map((o) => o.id));
    } finally {
      await server.close();
      await store.close();
    }
  });
});
