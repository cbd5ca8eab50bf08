// A worker thread of a parallel build: loads the content once per locale, then lays out and
// renders the units it is handed, returning the PDF bytes to the main thread. A worker serves one
// build and ends with it, so its context and models are that build's.
import { parentPort } from 'node:worker_threads';
import type { ToolModel } from '../content/load.js';
import { loadModels } from './models.js';
import { ContentError } from '../errors.js';
import { runUnit } from './jobs.js';
import type { WorkerReply, WorkerRequest } from './parallel.js';
import { at } from '../at.js';
import { BuildContext } from './context.js';

const port = parentPort!;
const ctx = new BuildContext();
const models = new Map<string, ToolModel>();

// Every failure is caught and sent back as a reply, so the promise never rejects.
port.on('message', (msg: WorkerRequest) => void handle(msg));

async function handle(msg: WorkerRequest): Promise<void> {
  if ('stop' in msg) return port.close();
  try {
    const key = `${msg.unit.tool ?? msg.opts.tool}|${msg.unit.locale}`;
    let model = models.get(key);
    if (!model) {
      model = at(loadModels({ ...msg.opts, tool: msg.unit.tool ?? msg.opts.tool, locales: [msg.unit.locale] }, ctx), 0);
      models.set(key, model);
    }
    const result = await runUnit(model, msg.unit, msg.opts, msg.opts.paths, ctx);
    // Copied, not transferred: a PDF is small, and a Buffer may share its memory with others.
    port.postMessage({ index: msg.index, result } satisfies WorkerReply);
  } catch (e) {
    const err = e as Error;
    const problems = e instanceof ContentError ? e.problems : undefined;
    port.postMessage({
      index: msg.index,
      error: err?.message ?? String(e),
      name: err?.name,
      problems,
      stack: err?.stack,
    } satisfies WorkerReply);
  }
}
port.postMessage({ ready: true } satisfies WorkerReply);
