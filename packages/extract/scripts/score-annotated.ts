// Prints precision and recall per field over test/annotated; with `--misses`, every disagreement.
// npx tsx packages/extract/scripts/score-annotated.ts [--misses]
import { scoreAnnotated } from '../test/annotated-score.ts';

const { scores, misses } = scoreAnnotated();
console.log('| field | precision | recall | tp | fp | fn |\n| --- | --- | --- | --- | --- | --- |');
for (const [field, s] of Object.entries(scores))
  console.log(
    `| ${field} | ${s.precision.toFixed(2)} | ${s.recall.toFixed(2)} | ${s.tp} | ${s.fp} | ${s.fn} |`,
  );
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
