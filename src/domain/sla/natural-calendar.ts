import { NATURAL_CALENDAR } from '../../config/sla.schema';
import { addNaturalTime, naturalTimeBetween } from '../calendar/natural-time';
import type { SlaCalendar } from './types';

/** Natural time, 24x7, as a calendar: what `natural` means in `sla` (Muy Alta runs on it). */
export const naturalCalendar: SlaCalendar = {
  name: NATURAL_CALENDAR,
  zone: 'UTC',
  addBusinessTime: addNaturalTime,
  businessTimeBetween: naturalTimeBetween,
};
