import { AgreementSchema } from './agreement-schema.ts';
import { compileAgreement } from './compile-agreement.ts';
import type { Agreement } from './compiled-agreement.ts';
import type { Issue, Parsed } from './issue.ts';
import { validateDocument } from './validate-document.ts';
import { readYaml } from './yaml-document.ts';

/**
 * Parses an agreement file (YAML or JSON) into a checked, compiled agreement, or the issues that stop it.
 * Never throws on bad input.
 * @example
 * const parsed = parseAgreement(text, 'agreement.yaml');
 * if (!parsed.ok) for (const i of parsed.issues) console.error(formatIssue(i));
 */
export function parseAgreement(text: string, file?: string): Parsed<Agreement> {
  const read = readYaml(text, file);
  if ('issues' in read) return { ok: false, issues: read.issues };
  const { source } = read;
  if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) {
    return {
      ok: false,
      issues: [
        source.issue(
          'invalid-type',
          [],
          'an agreement file is a mapping with `id`, `title`, `timeZone`, `parties`, `phases` and `obligations`',
        ),
      ],
    };
  }
  const validated = validateDocument(AgreementSchema, source);
  if ('issues' in validated) return { ok: false, issues: validated.issues };
  const issues: Issue[] = [];
  const agreement = compileAgreement(validated.value, (code, path, message, keyOf) =>
    issues.push(source.issue(code, path, message, keyOf)),
  );
  if (!agreement || issues.length) return { ok: false, issues };
  return { ok: true, value: agreement };
}
