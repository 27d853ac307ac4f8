// Prints precision and recall per field over test/annotated, for all reports and for the held-out ones
// (written after the rules and never tuned on); with `--misses`, every disagreement.
// npx tsx packages/extract/scripts/score-annotated.ts [--misses]
import { loadAnnotated, scoreAnnotated } from '../test/annotated-score.ts';

const all = loadAnnotated();
const heldOut = all.filter((r) => r.id.startsWith('heldout-'));
const { scores, misses } = scoreAnnotated(all);
const held = scoreAnnotated(heldOut).scores;
console.log(`${all.length} reports, ${heldOut.length} of them held out`);
console.log('| field | precision | recall | tp | fp | fn | held-out precision | held-out recall |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [field, s] of Object.entries(scores)) {
  const h = held[field as keyof typeof held];
  console.log(
    `| ${field} | ${s.precision.toFixed(2)} | ${s.recall.toFixed(2)} | ${s.tp} | ${s.fp} | ${s.fn} | ${h.precision.toFixed(2)} | ${h.recall.toFixed(2)} |`,
  );
}
if (process.argv.includes('--misses'))
  for (const m of misses)
    console.log(
      m.report,
      m.field,
      JSON.stringify(m.anchor),
      'got',
      JSON.stringify(m.got),
      'want',
      JSON.stringify(m.want),
    );
