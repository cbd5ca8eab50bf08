// What a command line asks for, read before commander parses it.

/** Only help: no arguments, `help`, `--help` or `-h` anywhere (the tools found are listed after it). */
export function asksHelp(argv: readonly string[]): boolean {
  return argv.length === 0 || argv.some((a) => a === '--help' || a === '-h' || a === 'help');
}

/** Only help or the version: nothing is read, checked or built. */
export function asksOnlyAbout(argv: readonly string[]): boolean {
  return asksHelp(argv) || argv.some((a) => a === '--version' || a === '-V');
}
