// Running a build's units on every core: this thread takes units from the same queue as the
// worker threads, so one core is never idle while a worker starts up. Each unit gives the same
// bytes in any thread, so the output does not depend on how the work was shared.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ToolModel } from '../content/load.js';
import type { UnitOptions } from './options.js';
import { loadModels } from './models.js';
import { runUnit, type Unit, type UnitResult } from './jobs.js';
import { ContentError, OutputError, UsageError, type Problem } from '../errors.js';
import { at } from '../at.js';
import type { BuildContext } from './context.js';

/** Workers pay for their own start-up (modules, fonts, content): not worth it for a few files. */
const MIN_UNITS_FOR_WORKERS = 4;
const MAX_THREADS = 4;
/**
 * Measured on a 2-core machine, a second thread made the release matrix slower (its start-up and
 * cold JIT cost more than it saved), so by default workers start only where there are 4 cores or more.
 */
const MIN_CORES_FOR_WORKERS = 4;

/** The worker script exists only in the bundle (dist/); from the TypeScript sources we run in one thread. */
const workerFile = fileURLToPath(new URL('./worker.js', import.meta.url));

export type WorkerRequest = { opts: UnitOptions; unit: Unit; index: number } | { stop: true };
export type WorkerReply =
  | { index: number; result?: UnitResult; error?: string; name?: string; problems?: Problem[]; stack?: string }
  | { ready: true };

/** The error a worker reported, as the class the CLI knows how to print (and with its exit code). */
function rebuild(msg: { error?: string; name?: string; problems?: Problem[]; stack?: string }): Error {
  if (msg.problems) return new ContentError(msg.problems);
  const err =
    msg.name === 'UsageError'
      ? new UsageError(msg.error!)
      : msg.name === 'OutputError'
        ? new OutputError(msg.error!)
        : new Error(msg.error);
  if (msg.stack && !(err instanceof UsageError || err instanceof OutputError)) err.stack = msg.stack;
  return err;
}

function threadCount(opts: UnitOptions, units: number): number {
  if (opts.jobs !== undefined) return Math.max(1, Math.min(opts.jobs, units));
  if (units < MIN_UNITS_FOR_WORKERS || !existsSync(workerFile) || availableParallelism() < MIN_CORES_FOR_WORKERS)
    return 1;
  return Math.max(1, Math.min(availableParallelism(), MAX_THREADS, units));
}

export async function runUnits(
  units: Unit[],
  models: ToolModel[],
  opts: UnitOptions,
  progress: (line: string) => void,
  ctx: BuildContext,
): Promise<UnitResult[]> {
  const results: UnitResult[] = new Array(units.length);
  const byLocale = new Map(models.map((m) => [`${m.id}|${m.locale}`, m]));
  let next = 0;
  let done = 0;
  const note = (i: number) => {
    done++;
    const f = results[i]?.files.map((r) => r.file).join(', ');
    const u = at(units, i);
    progress(`[${done}/${units.length}] ${f || `${u.tool ?? ''} ${u.locale} ${u.kind}: problems found`.trim()}`);
  };
  const threads = threadCount(opts, units.length);
  const workers: Promise<void>[] = [];
  for (let w = 1; w < threads && existsSync(workerFile); w++) {
    workers.push(
      new Promise((resolve, reject) => {
        const worker = new Worker(workerFile);
        let inFlight = 0;
        const feed = () => {
          if (next >= units.length) {
            if (inFlight === 0) worker.postMessage({ stop: true } satisfies WorkerRequest);
            return;
          }
          inFlight++;
          const index = next++;
          worker.postMessage({ opts, unit: at(units, index), index } satisfies WorkerRequest);
        };
        worker.on('message', (msg: WorkerReply) => {
          // Two units in flight: the next one waits in the worker while this thread is busy laying out.
          if ('ready' in msg) {
            feed();
            return feed();
          }
          if (msg.error !== undefined) {
            void worker.terminate(); // the reply already says why; nothing waits for the thread to end
            return reject(rebuild(msg));
          }
          inFlight--;
          results[msg.index] = msg.result!;
          note(msg.index);
          feed();
        });
        worker.on('error', reject);
        worker.on('exit', () =>
          inFlight > 0 ? reject(new Error('a worker thread stopped before it finished its units')) : resolve(),
        );
      }),
    );
  }
  // This thread works the same queue, with the models it has already loaded and checked, in the
  // build's context (each worker thread makes its own: worker.ts).
  const local = (async () => {
    while (next < units.length) {
      // Rendering resolves in microtasks only; yield a macrotask so that workers' messages get in.
      await new Promise((r) => setImmediate(r));
      if (next >= units.length) break;
      const index = next++;
      const unit = at(units, index);
      const model =
        byLocale.get(`${unit.tool ?? models[0]?.id}|${unit.locale}`) ??
        at(loadModels({ ...opts, tool: unit.tool ?? opts.tool, locales: [unit.locale] }, ctx), 0);
      results[index] = await runUnit(model, unit, opts, opts.paths, ctx);
      note(index);
    }
  })();
  await Promise.all([local, ...workers]);
  return results;
}
