/** What went wrong when computing metrics or building the report. */
export type MetricsErrorCode = 'BAD_WEEK' | 'BAD_DATE' | 'NO_DATA';

/** A coded metrics error with a message a person can act on. */
export class MetricsError extends Error {
  constructor(
    readonly code: MetricsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MetricsError';
  }
}
