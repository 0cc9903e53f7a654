import type { Job } from 'bullmq';
import { createCalendars } from '../../domain/calendar';
import { loadTextCatalog } from '../../templates/load-text';
import type { DeciderFactory } from '../events/deciders';
import type { ProcessorFactory, WorkerDeps } from '../processors';
import { createFollowupDecider } from './decider';
import { EvoMonthIndex } from './evo-index';
import { FollowupService } from './followup-service';
import { createTimersProcessor } from './processor';
import { upsertTimerSchedulers } from './schedulers';

const services = new WeakMap<WorkerDeps, FollowupService>();

/** The one follow-up service of a worker (shared by its `timers` processor and its decider). */
export function followupServiceFor(deps: WorkerDeps): FollowupService {
  let service = services.get(deps);
  if (!service) {
    service = new FollowupService({
      config: deps.config,
      calendars: createCalendars(deps.config.calendars),
      texts: loadTextCatalog(),
      store: deps.store,
      sink: deps.sink,
      timers: deps.queues.timers,
      evo: new EvoMonthIndex(deps.redis),
      logger: deps.logger.child({ component: 'followup' }),
    });
    services.set(deps, service);
  }
  return service;
}

/**
 * The `timers` queue processor for the worker (registered in src/jobs/processors.ts). Building it
 * also registers the periodic jobs (the reconciliation sweep and the two digests) — idempotent,
 * so every worker may do it at start-up.
 */
export const timersProcessorFactory: ProcessorFactory = (deps) => {
  const service = followupServiceFor(deps);
  const office = createCalendars(deps.config.calendars).get(deps.config.followup.quietHoursCalendar);
  upsertTimerSchedulers(deps.queues.timers, deps.config.followup, office?.zone ?? 'Europe/Madrid')
    .then((ids) => deps.logger.info({ schedulers: ids }, 'timers: schedulers registered'))
    .catch((err: unknown) => deps.logger.error({ err: (err as Error).message }, 'timers: could not register the schedulers'));
  return createTimersProcessor(service, deps.clock, deps.logger) as (job: Job) => Promise<unknown>;
};

/** The follow-up decider for the worker (registered in src/jobs/events/deciders.ts DECIDER_FACTORIES). */
export const followupDeciderFactory: DeciderFactory = (deps) => createFollowupDecider(followupServiceFor(deps), deps.logger);
