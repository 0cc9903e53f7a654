/** Why a delivery could not be turned into domain events. */
export type IngestErrorCode = 'INGEST_MALFORMED' | 'INGEST_UNKNOWN_SOURCE';

/**
 * A delivery that will never normalize, however often it is retried (a malformed item, a source we
 * do not know). The worker sends it straight to the dead-letter queue instead of retrying.
 */
export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}
