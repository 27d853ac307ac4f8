// Writes the agreement and ledger JSON Schemas that editors use through a `$schema` line; `--check` fails when they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { AgreementSchema, LedgerFileSchema } from '../src/index.ts';

const outputs = [
  { file: 'schema/agreement.schema.json', schema: AgreementSchema, title: 'Truce agreement' },
  { file: 'schema/ledger.schema.json', schema: LedgerFileSchema, title: 'Truce ledger' },
];
const check = process.argv.includes('--check');
let stale = false;
for (const { file, schema, title } of outputs) {
  const json = {
    title,
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-7' }),
  };
  const text = `${JSON.stringify(json, null, 2)}\n`;
  const url = new URL(`../../../${file}`, import.meta.url);
  if (check) {
    let current = '';
    try {
      current = readFileSync(url, 'utf8');
    } catch {}
    if (current !== text) {
      console.error(`${file} is out of date with the schema in packages/core; run \`npm run schema\``);
      stale = true;
    }
  } else {
    writeFileSync(url, text);
    console.log(`wrote ${file}`);
  }
}
if (stale) process.exit(1);
