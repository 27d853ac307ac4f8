import type { Agreement, LedgerEvent } from '@truce/core';
import type { Assumptions } from './assumptions.ts';
import { runProjection } from './run-projection.ts';
import { buildModel } from './sim-model.ts';
import { type Projection, summarize } from './summarize.ts';

/** One agreement to project: a proposal, or a deal under way with its ledger so far. */
export interface Proposal {
  readonly agreement: Agreement;
  readonly events: readonly LedgerEvent[];
  /** Where the runs start (epoch ms); the ledger up to here is taken as what happened. */
  readonly asOf: number;
}

export interface ProjectOptions {
  readonly runs: number;
  readonly seed: number;
  readonly workers?: number;
  /** Runs done so far over all proposals, and the total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Stops the runs (the workers are terminated) and rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/**
 * Projects each proposal forward under the same assumptions and the same seed, one after another
 * (each over all the workers), so that proposals are compared run for run.
 * @example const [a, b] = await project([gaza, twoStage], assumptions, { runs: 10_000, seed: 1 });
 */
export async function project(
  proposals: readonly Proposal[],
  assumptions: Assumptions,
  options: ProjectOptions,
): Promise<Projection[]> {
  const out: Projection[] = [];
  const total = options.runs * proposals.length;
  for (const [i, p] of proposals.entries()) {
    const { model } = buildModel(p.agreement, p.events, assumptions, p.asOf);
    const result = await runProjection(model, {
      runs: options.runs,
      seed: options.seed,
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress
        ? { onProgress: (done: number) => options.onProgress!(i * options.runs + done, total) }
        : {}),
    });
    out.push(summarize(model, result, options.seed));
  }
  return out;
}
