import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSV_COLUMNS } from '@truce/store';
import { describe, expect, it } from 'vitest';
import { ptyTruce } from './pty-session.ts';
import { sharedWorkspace } from './run-truce.ts';

const { dir, inWorkspace } = sharedWorkspace('truce-import-export-');

const ID = 'gaza-2023-pause';
const ledgerFile = join(dir, 'ledger.jsonl');

describe('truce import and export', { timeout: 30_000 }, () => {
  it('starts from a workspace made by init', () => {
    expect(inWorkspace('init').code).toBe(0);
  });

  it('exports the ledger as JSON Lines to a file, saying so on stderr only', () => {
    const run = inWorkspace('export', ID, '--format', 'jsonl', '--output', ledgerFile);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    const lines = readFileSync(ledgerFile, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    expect(JSON.parse(lines[0]!)).toHaveProperty('id');
  });

  it('imports the export again: nothing appended, every event skipped', () => {
    const count = readFileSync(ledgerFile, 'utf8').trim().split('\n').length;
    const run = inWorkspace('import', ID, ledgerFile, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      agreement: ID,
      ok: true,
      appended: 0,
      skipped: count,
      batches: 0,
      bad: [],
    });
  });

  it('exports CSV with the documented header line', () => {
    const run = inWorkspace('export', ID, '--format', 'csv');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
  });

  it('names a bad line as file:line and exits 1, writing nothing', () => {
    const bad = join(dir, 'bad.jsonl');
    const good = readFileSync(ledgerFile, 'utf8').split('\n').slice(0, 2);
    writeFileSync(bad, `${good.join('\n')}\n{"id": "not closed"\n`);
    const run = inWorkspace('import', ID, bad);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${bad}:3: `);
    expect(run.stdout).toContain('0 events appended');
  });

  it('exports upcoming deadlines as iCalendar at --as-of', () => {
    const run = inWorkspace('export', ID, '--format', 'ics', '--as-of', '2023-11-26T12:00:00+02:00');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('BEGIN:VCALENDAR');
    expect(run.stdout).toContain('DTSTART:20231128T050000Z');
  });
  it('shows a progress bar while it checks and writes, on a terminal only', async () => {
    const many = join(dir, 'many.jsonl');
    const line = (i: number) =>
      JSON.stringify({
        id: `p${i}`,
        type: 'talks-held',
        occurred: '2023-11-20T10:00',
        recorded: '2023-11-20T12:00',
      });
    writeFileSync(many, Array.from({ length: 50 }, (_, i) => line(i)).join('\n'));
    const { DATABASE_URL: _unused, ...env } = process.env;
    const session = ptyTruce(
      { ...env, TRUCE_DATA: join(dir, 'data') },
      'import',
      ID,
      many,
      '--batch-size',
      '10',
    );
    const { code, screen } = await session.done();
    expect(code).toBe(0);
    expect(screen).toContain('] writing (batch 5) 50/50 events');
    expect(screen).toMatch(/\[#{30}\] writing/);
    expect(screen).toContain('50 events appended in 5 batches, 0 already stored (skipped)');
    // Not on a pipe, unless asked for with --progress.
    const quiet = inWorkspace('import', ID, many);
    expect(quiet.stderr).toBe('');
    const lines = inWorkspace('import', ID, many, '--progress');
    expect(lines.stderr).toContain('checking 50/50 events');
  });
});
