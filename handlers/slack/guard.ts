import type { SupportGroup } from '../../src/adapters/slack/support-group';
import type { Logger } from '../../src/ports';

/** The polite refusal shown to people outside the support group. */
export const REFUSAL =
  'Lo siento, solo el equipo de soporte puede reportar bugs y actuar sobre las alertas del bot. Si crees que deberías poder, pide que te añadan al grupo de soporte en Slack.';

/** How long the membership check may take before we answer anyway (Slack wants an answer in 3 s). */
const CHECK_BUDGET_MS = 1500;

/**
 * Whether `userId` may file bugs and act on alerts. A check that fails or is too slow refuses (and
 * logs), so an outage of usergroups.users.list never lets outsiders in.
 */
export async function mayAct(group: SupportGroup, userId: string, logger?: Logger): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      group.isMember(userId),
      new Promise<boolean>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`membership check took over ${CHECK_BUDGET_MS} ms`)), CHECK_BUDGET_MS);
      }),
    ]);
  } catch (err) {
    logger?.warn({ err, userId }, 'could not check the support group; refusing');
    return false;
  } finally {
    clearTimeout(timer);
  }
}
