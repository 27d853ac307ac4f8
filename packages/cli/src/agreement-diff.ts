import type {
  AddedOrRemovedItem,
  AgreementDiff,
  ChangedItem,
  DiffItem,
  FieldChange,
  SectionDiff,
} from '@truce/core';
import { CliError } from './cli-error.ts';
import { nearestId } from './nearest-id.ts';
import type { TextStyle } from './text-style.ts';

/** A stored version, as far as the diff needs it. */
export interface DiffVersion {
  readonly version: number;
  readonly addedAt: Date;
}

/**
 * The two versions to compare: FROM and TO as given, TO the latest when only FROM is given, and the
 * two latest when neither is. Fails (exit 1) naming the versions that exist.
 */
export function chooseVersions<V extends DiffVersion>(
  id: string,
  versions: readonly V[],
  from?: number,
  to?: number,
): { readonly from: V; readonly to: V } {
  const list = versions.map((v) => v.version).join(', ');
  const find = (n: number) => {
    const found = versions.find((v) => v.version === n);
    if (!found) throw new CliError('invalid', `${id} has no version ${n}; its versions are ${list}`);
    return found;
  };
  if (from === undefined) {
    if (versions.length < 2)
      throw new CliError(
        'invalid',
        `${id} has only version ${list}; store an amended file with \`truce agreement add\` to have two to compare`,
      );
    return { from: versions.at(-2)!, to: versions.at(-1)! };
  }
  return { from: find(from), to: to === undefined ? versions.at(-1)! : find(to) };
}

/** The error for an agreement id that is not stored, naming the nearest stored id. */
export function unknownAgreement(id: string, stored: readonly string[]): CliError {
  const hint = nearestId(id, stored);
  const tail = hint ? `; did you mean \`${hint}\`?` : stored.length ? `; stored: ${stored.join(', ')}` : '';
  return new CliError('invalid', `no agreement \`${id}\` in the workspace${tail}`);
}

const LONG = 72;

/** A JSON value on one line, shortened with `…` past a readable length. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value.replace(/\s+/g, ' ')) : JSON.stringify(value);
  return text.length > LONG ? `${text.slice(0, LONG - 1)}…` : text;
}

// The fields that say what an item is come first when an added or removed item is shown.
const FIRST = ['kind', 'party', 'holder', 'heldBy', 'phase', 'outlet'];
const rank = (key: string) => (FIRST.includes(key) ? FIRST.indexOf(key) : FIRST.length);

function changeLine(c: FieldChange, style: TextStyle): string {
  if (c.change === 'added') return `${c.path}: ${style.green(`added ${shown(c.after)}`)}`;
  if (c.change === 'removed') return `${c.path}: ${style.red(`removed (was ${shown(c.before)})`)}`;
  return `${c.path}: ${shown(c.before)} → ${shown(c.after)}`;
}

function itemLine(mark: string, item: DiffItem): string {
  return `${mark} ${item.id} (${item.label})${item.clause ? ` — clause: ${item.clause}` : ''}`;
}

function sectionLines(s: SectionDiff, style: TextStyle): string[] {
  const title = s.section[0]!.toUpperCase() + s.section.slice(1);
  const changed = (c: ChangedItem) => [
    `  ${itemLine('~', c)}`,
    ...c.changes.map((change) => `      ${changeLine(change, style)}`),
  ];
  // The item's own fields, short, under its line: what was added or taken out.
  const content = (item: AddedOrRemovedItem) => {
    const { id: _id, clause: _clause, name: _name, ...rest } = item.value as Record<string, unknown>;
    const keys = Object.keys(rest).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
    const text = keys.map((k) => `${k}: ${JSON.stringify(rest[k])}`).join(', ');
    return `      ${style.dim(text.length > 2 * LONG ? `${text.slice(0, 2 * LONG - 1)}…` : text)}`;
  };
  return [
    style.bold(title),
    ...s.added.flatMap((a) => [`  ${style.green(itemLine('+', a))}`, content(a)]),
    ...s.removed.flatMap((r) => [`  ${style.red(itemLine('-', r))}`, content(r)]),
    ...s.changed.flatMap(changed),
  ];
}

/**
 * A diff as text: a heading naming both versions, then metadata and each section that changed, with
 * `+` added, `-` removed and `~` changed items, each change as `path: old → new`.
 */
export function formatAgreementDiff(
  id: string,
  from: DiffVersion,
  to: DiffVersion,
  diff: AgreementDiff,
  style: TextStyle,
): string {
  const heading = style.bold(
    `${id}: version ${from.version} (added ${from.addedAt.toISOString()}) → version ${to.version} (added ${to.addedAt.toISOString()})`,
  );
  if (diff.same)
    return `${heading}\nNo change in the agreement's terms; the two texts differ only in comments or layout, if at all.`;
  const blocks: string[][] = [];
  if (diff.metadata.length)
    blocks.push([style.bold('Metadata'), ...diff.metadata.map((c) => `  ${changeLine(c, style)}`)]);
  for (const s of diff.sections) blocks.push(sectionLines(s, style));
  const counts = diff.sections.map(
    (s) => `${s.section}: ${s.added.length} added, ${s.removed.length} removed, ${s.changed.length} changed`,
  );
  const summary = style.dim(
    [diff.metadata.length ? `metadata: ${diff.metadata.length} changed` : '', ...counts]
      .filter(Boolean)
      .join('; '),
  );
  return [heading, summary, ...blocks.map((b) => ['', ...b].join('\n'))].join('\n');
}

/** The diff as JSON for `--json`: both versions named, then the diff itself. */
export function agreementDiffJson(id: string, from: DiffVersion, to: DiffVersion, diff: AgreementDiff) {
  const at = (v: DiffVersion) => ({ version: v.version, addedAt: v.addedAt.toISOString() });
  return { id, from: at(from), to: at(to), ...diff };
}
