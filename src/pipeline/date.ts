// The one date a build writes into its PDFs, so that the same input gives the same bytes.
import { UsageError } from '../errors.js';

/** The date written into the PDFs: SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the tool's release date. */
export function buildDate(toolDate: string, env = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    // Up to the end of year 9999: PDF dates have four digits for the year.
    if (!/^\d+$/.test(epoch) || Number(epoch) > 253402300799)
      throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970 (up to year 9999), not '${epoch}'`);
    return new Date(Number(epoch) * 1000);
  }
  return new Date(`${toolDate}T00:00:00Z`);
}
