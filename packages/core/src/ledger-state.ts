import type { Agreement } from './compiled-agreement.ts';
import { type EvaluateOptions, evaluate, evaluateFold, settleOptions } from './evaluate.ts';
import type { LedgerEvent } from './ledger-event.ts';
import { foldLedger, type LedgerFolder } from './ledger-fold.ts';
import { ListsMemo } from './obligation-lists.ts';
import type { EvidencePolicy, Status } from './status.ts';

/**
 * An agreement's ledger folded as it grows, so that asking for the status after each new event costs
 * the new events and the few special ones, not the whole ledger again. `status` gives exactly what
 * `evaluate` gives on all the events added so far, in the order they were added.
 * @example
 * const state = new LedgerState(agreement);
 * state.add(stored);            // once
 * state.add(justAppended);      // then only what is new
 * state.status({ asOf: Date.now() });
 */
export class LedgerState {
  readonly agreement: Agreement;
  readonly #events: LedgerEvent[] = [];
  // Position of each plain event, to find the few a correction or retraction takes back.
  readonly #plainAt = new Map<string, number>();
  readonly #folds = new Map<EvidencePolicy, Fold>();
  readonly #limit: number;
  #latestAt = Number.NEGATIVE_INFINITY;
  #latestRecorded = Number.NEGATIVE_INFINITY;

  constructor(agreement: Agreement, options: { readonly listLimit?: number } = {}) {
    this.agreement = agreement;
    this.#limit = options.listLimit ?? 1000;
  }

  /** How many events have been added. */
  get size(): number {
    return this.#events.length;
  }

  /** All the events added, in order. */
  get events(): readonly LedgerEvent[] {
    return this.#events;
  }

  /** Adds events that follow those added before (normalized against this state's agreement). */
  add(events: readonly LedgerEvent[]): void {
    const from = this.#events.length;
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      this.#events.push(e);
      if (e.plain) {
        this.#plainAt.set(e.id, from + i);
        if (e.at > this.#latestAt) this.#latestAt = e.at;
      }
      if (e.recorded > this.#latestRecorded) this.#latestRecorded = e.recorded;
    }
    for (const [policy, fold] of this.#folds) this.#folds.set(policy, this.#extend(fold, events, policy));
  }

  /**
   * True when the kept fold answers for these times: no plain event happened after `asOf` and none
   * was recorded after `knownAt`. Other times are evaluated over the kept events from the start.
   */
  covers(options: EvaluateOptions): boolean {
    return (
      options.asOf >= this.#latestAt &&
      (options.knownAt === undefined || options.knownAt >= this.#latestRecorded) &&
      (options.listLimit === undefined || options.listLimit === this.#limit)
    );
  }

  /** The status at the given times, exactly as `evaluate(agreement, events, options)` gives it. */
  status(options: EvaluateOptions): Status {
    if (!this.covers(options)) return evaluate(this.agreement, this.#events, options);
    const settled = settleOptions(options);
    let fold = this.#folds.get(settled.policy);
    if (fold === undefined) {
      fold = this.#extend(undefined, this.#events, settled.policy);
      this.#folds.set(settled.policy, fold);
    }
    // The evaluation finishes on a copy, so the kept fold goes on taking new events untouched.
    const copy = { folder: fold.folder.clone(), specials: fold.specials, known: fold.known };
    return evaluateFold(
      this.agreement,
      copy,
      settled,
      { events: this.#events, plainEvents: (ids) => this.#plainEvents(ids) },
      fold.memo,
    );
  }

  #extend(fold: Fold | undefined, events: readonly LedgerEvent[], policy: EvidencePolicy): Fold {
    const more = foldLedger(
      events,
      { knownAt: Number.POSITIVE_INFINITY, asOf: Number.POSITIVE_INFINITY, policy, limit: this.#limit },
      fold?.folder,
    );
    if (fold === undefined) return { ...more, memo: new ListsMemo() };
    for (const e of more.specials) fold.specials.push(e);
    return { folder: fold.folder, specials: fold.specials, known: fold.known + more.known, memo: fold.memo };
  }

  #plainEvents(ids: ReadonlyMap<string, string>): LedgerEvent[] {
    const at: number[] = [];
    for (const id of ids.keys()) {
      const i = this.#plainAt.get(id);
      if (i !== undefined) at.push(i);
    }
    return at.sort((a, b) => a - b).map((i) => this.#events[i]!);
  }
}

interface Fold {
  readonly folder: LedgerFolder;
  readonly specials: LedgerEvent[];
  readonly known: number;
  // What the last reads drew for each obligation, reused while the lists they came from are unchanged.
  readonly memo: ListsMemo;
}
