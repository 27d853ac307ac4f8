/** Draws progress on a stream: a bar redrawn in place on a terminal, else one line per step when asked. */
export interface Progress {
  /** Shows `done` of `total` `unit`s, after `label`. */
  update(label: string, done: number, total: number, unit: string): void;
  /** Clears the bar (on a terminal), so what follows starts on a clean line. */
  end(): void;
}

const WIDTH = 30;

/**
 * Progress on `stream`: on a terminal, a bar redrawn in place (only when it changes); elsewhere a line per
 * update when `lines` is set (for logs and for scripts that watch an import), else nothing.
 * @example
 * const progress = progressOn(process.stderr, { lines: false });
 * progress?.update('writing', 5_000, 20_000, 'events'); // [#######                       ] writing 5,000/20,000 events
 */
export function progressOn(
  stream: NodeJS.WriteStream,
  options: { readonly lines: boolean },
): Progress | undefined {
  if (stream.isTTY) {
    let last = '';
    return {
      update(label, done, total, unit) {
        const filled = total > 0 ? Math.floor((WIDTH * Math.min(done, total)) / total) : 0;
        const text = `[${'#'.repeat(filled).padEnd(WIDTH)}] ${label ? `${label} ` : ''}${done.toLocaleString('en')}/${total.toLocaleString('en')} ${unit}`;
        if (text === last) return;
        last = text;
        stream.write(`\r\u001b[2K${text}`);
      },
      end() {
        if (last !== '') stream.write('\r\u001b[2K');
        last = '';
      },
    };
  }
  if (!options.lines) return undefined;
  return {
    update(label, done, total, unit) {
      stream.write(`${label} ${done}/${total} ${unit}\n`);
    },
    end() {},
  };
}
