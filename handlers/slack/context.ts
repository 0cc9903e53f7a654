import type { SupportGroup } from '../../src/adapters/slack/support-group';
import type { Logger } from '../../src/ports';
import type { SlackAppDeps } from './deps';

/** What every group of listeners shares. */
export interface SlackHandlerContext {
  deps: SlackAppDeps;
  group: SupportGroup;
  logger?: Logger;
}
