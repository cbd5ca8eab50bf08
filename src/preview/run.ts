// The preview as a command: start the server, say where it is, open a browser if asked, and stop
// cleanly on Ctrl-C (open pages are told by their event stream closing).
import { spawn } from 'node:child_process';
import { UsageError } from '../errors.js';
import { startPreview, type PreviewOptions } from './preview.js';

export interface RunPreviewOptions extends PreviewOptions {
  open?: boolean;
  /** The sheet the page opens on (the page reads it from the address's #sheetN). */
  sheet?: number;
}

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };

/** Resolves when the server has stopped (Ctrl-C or SIGTERM). */
export async function runPreview(opts: RunPreviewOptions, out: Out): Promise<void> {
  const server = await startPreview({ ...opts, log: (line) => out.stderr(`${line}\n`) });
  const s = server.status();
  const sheets = s.files.filter((f) => f.kind === 'sheet').length;
  // Checked against what was built; a first build that failed has no sheets to check against yet.
  if (opts.sheet !== undefined && sheets > 0 && opts.sheet > sheets) {
    await server.close();
    throw new UsageError(`--sheet ${opts.sheet}: give a sheet number from 1 to ${sheets}`);
  }
  const url = opts.sheet === undefined ? server.url : `${server.url}#sheet${opts.sheet}`;
  out.stdout(
    `bordduk preview: ${url}  (${s.locale}, ${s.size}; watching content/, templates/, fonts/; Ctrl-C stops)\n`,
  );
  if (opts.open) openBrowser(url, out);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(() => {
        out.stderr('bordduk preview: stopped\n');
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function openBrowser(url: string, out: Out): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => out.stderr(`bordduk preview: could not start a browser (${cmd}); open ${url} yourself\n`));
  child.unref();
}
