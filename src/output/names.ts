// Output file names: they say what a file holds, so that no version overwrites another.

export function fileName(tool: string, locale: string, what: string, size: string): string {
  return `${tool}-${locale}-${what}-${size}.pdf`;
}
