/** Why a calendar refused a question. */
export type CalendarErrorCode =
  | 'CALENDAR_INVALID_INSTANT'
  | 'CALENDAR_INVALID_DURATION'
  | 'CALENDAR_NEVER_OPEN'
  | 'CALENDAR_UNKNOWN'
  | 'CALENDAR_EXTENDS_CYCLE';

/** A coded error from the business calendar, with a message a person can act on. */
export class CalendarError extends Error {
  constructor(
    readonly code: CalendarErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CalendarError';
  }
}
