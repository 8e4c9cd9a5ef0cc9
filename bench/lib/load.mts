import { percentile } from "./stats.mjs";
import type { LoadSummary } from "./types.mjs";

export interface LoadOptions<Item> {
  concurrency: number;
  /** The measured window, after the warm-up. */
  durationMs: number;
  /** Requests before the window are sent the same way but not counted: connections, JIT, pools warm up. */
  warmupMs: number;
  /** The next request, made ready before its clock starts; undefined when there is none left: the window then ends early. */
  next(): Item | undefined | Promise<Item | undefined>;
  /** Sends one request and resolves once it did what it should; throws (with the reason) otherwise. */
  send(item: Item, signal: AbortSignal): Promise<void>;
  timeoutMs?: number;
}

export interface LoadResult extends LoadSummary {
  /**
   * Every request the run sent, warm-up and the ones still in flight at the end included:
   * what the database must show afterwards.
   */
  sent: { ok: number; failed: number };
  /** The supplier ran dry before the window's end: `durationMs` is then shorter than asked. */
  exhausted: boolean;
  /** Why requests failed, the most frequent first, with counts. */
  failures: string[];
}

const reasonOf = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 200);

/**
 * A closed loop: `concurrency` workers, each sending its next request as soon as its last
 * one answered, for a warm-up and then a measured window. Requests that complete inside
 * the window count; latencies are those of the successful ones (a fast refusal would
 * otherwise flatter them), failures are counted and their reasons kept.
 */
export async function runLoad<Item>(options: LoadOptions<Item>): Promise<LoadResult> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const windowStart = performance.now() + options.warmupMs;
  let windowEnd = windowStart + options.durationMs;
  let exhausted = false;
  const sent = { ok: 0, failed: 0 };
  const completions: { at: number; ok: boolean; latency: number }[] = [];
  const reasons = new Map<string, number>();

  async function worker() {
    while (performance.now() < windowEnd) {
      const item = await options.next();
      if (item === undefined) {
        // Fewer workers would be a lower concurrency than asked: the window ends here.
        if (!exhausted) windowEnd = Math.min(windowEnd, performance.now());
        exhausted = true;
        return;
      }
      const started = performance.now();
      let ok = true;
      try {
        await options.send(item, AbortSignal.timeout(timeoutMs));
      } catch (error) {
        ok = false;
        const reason = reasonOf(error);
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
      const finished = performance.now();
      if (ok) sent.ok++;
      else sent.failed++;
      completions.push({ at: finished, ok, latency: finished - started });
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  if (windowEnd <= windowStart) throw new Error("The load ran out of requests during the warm-up: supply more.");

  const counted = completions.filter((completion) => completion.at >= windowStart && completion.at < windowEnd);
  const okLatencies = counted
    .filter((c) => c.ok)
    .map((c) => c.latency)
    .sort((a, b) => a - b);
  const durationMs = windowEnd - windowStart;
  return {
    rps: (okLatencies.length * 1000) / durationMs,
    p50: percentile(okLatencies, 50),
    p95: percentile(okLatencies, 95),
    p99: percentile(okLatencies, 99),
    ok: okLatencies.length,
    failed: counted.length - okLatencies.length,
    durationMs,
    concurrency: options.concurrency,
    sent,
    exhausted,
    failures: [...reasons].sort((a, b) => b[1] - a[1]).map(([reason, count]) => `${count}× ${reason}`),
  };
}
