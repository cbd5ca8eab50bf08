// Watching the folders an editor saves into. Editors save in bursts (a temporary file, a rename, a
// second write of metadata), so events are gathered for a short quiet spell and handed on as one.
import { existsSync, readdirSync, watch, type Dirent, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/** Long enough to gather one save's events, short enough to stay far under the 300 ms budget. */
export const QUIET_MS = 15;

export interface Watcher {
  close(): void;
}

/** Folders below a watched root that are watched too: content/<tool>/<locale>/ is three deep. */
const DEPTH = 3;

function folders(root: string, depth = 0): string[] {
  if (!existsSync(root)) return [];
  let entries: Dirent[];
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return [];
  }
  const below =
    depth < DEPTH ? entries.filter((e) => e.isDirectory()).flatMap((e) => folders(join(root, e.name), depth + 1)) : [];
  return [root, ...below];
}

/**
 * Calls `onChange` once after each quiet spell that followed a change anywhere under one of `roots`.
 * Every folder gets its own watcher: Node 20's recursive watching on Linux loses files that an
 * editor (or sed -i) replaces by renaming, while a folder's own inotify watch sees every rename.
 */
export function watchFolders(roots: string[], onChange: () => void, onError: (e: Error) => void): Watcher {
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const watchers = new Map<string, FSWatcher>();
  const sync = () => {
    const now = new Set([...new Set(roots)].flatMap((r) => folders(r)));
    for (const [dir, w] of watchers)
      if (!now.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    for (const dir of now) {
      if (watchers.has(dir)) continue;
      try {
        const w = watch(dir, schedule);
        w.on('error', () => (w.close(), watchers.delete(dir)));
        watchers.set(dir, w);
      } catch (e) {
        onError(e as Error);
      }
    }
  };
  function schedule() {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      // A folder made or removed since (a new locale, a tool renamed) is watched or dropped.
      sync();
      onChange();
    }, QUIET_MS);
  }
  sync();
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}

/** Runs `task` whenever asked, never twice at once: asks that come while it runs make one more run after it. */
export function serial(task: () => Promise<void>, onError: (e: Error) => void): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await task();
        } catch (e) {
          onError(e as Error);
        }
      } while (again);
    })();
    try {
      await running;
    } finally {
      running = undefined;
    }
  };
  return run;
}
