import { PrioritySchema, TicketTypeSchema } from '../../domain/vocabulary';
import type { Ticket } from '../../domain/ticket';
import { BLOCK_LIMITS, context, plainText } from './limits';

export const RECLASSIFY_IDS = { view: 'cr_reclassify', type: 'type', priority: 'priority', reason: 'reason', input: 'v' } as const;

/** The modal behind an alert's "Reclassify" button: type, priority and why. */
export function buildReclassifyModal(ticket: Ticket): Record<string, unknown> {
  const opt = (v: string) => ({ text: plainText(v), value: v });
  const priority = ticket.priority ?? ticket.evoCriticality;
  return {
    type: 'modal',
    callback_id: RECLASSIFY_IDS.view,
    title: plainText('Reclasificar', BLOCK_LIMITS.modalTitle),
    submit: plainText('Guardar'),
    close: plainText('Cancelar'),
    private_metadata: JSON.stringify({ ticketId: ticket.id }),
    blocks: [
      context(`Conversación #${ticket.id} · ahora: ${ticket.type ?? 'sin clasificar'} ${priority ?? ''}`.trim()),
      {
        type: 'input',
        block_id: RECLASSIFY_IDS.type,
        label: plainText('Tipo'),
        element: {
          type: 'static_select',
          action_id: RECLASSIFY_IDS.input,
          options: TicketTypeSchema.options.map(opt),
          ...(ticket.type ? { initial_option: opt(ticket.type) } : {}),
        },
      },
      {
        type: 'input',
        block_id: RECLASSIFY_IDS.priority,
        optional: true,
        label: plainText('Prioridad o criticidad'),
        hint: plainText('Incidencias: Muy Alta, Alta, Media, Baja. Evolutivos: Baja, Media, Urgente.', 2000),
        element: {
          type: 'static_select',
          action_id: RECLASSIFY_IDS.input,
          options: PrioritySchema.options.map(opt),
          ...(priority ? { initial_option: opt(priority) } : {}),
        },
      },
      {
        type: 'input',
        block_id: RECLASSIFY_IDS.reason,
        optional: true,
        label: plainText('Motivo'),
        element: { type: 'plain_text_input', action_id: RECLASSIFY_IDS.input, max_length: 500 },
      },
    ],
  };
}

/** Checks a reclassification: priorities must fit the type (METHODOLOGY.md, "Priority"). */
export function reclassifyError(type: string, priority: string | null): Record<string, string> {
  if (type === 'incidencia' && priority === 'Urgente') return { [RECLASSIFY_IDS.priority]: 'Urgente es una criticidad de evolutivo; una incidencia es Muy Alta, Alta, Media o Baja.' };
  if (type === 'evolutivo' && (priority === 'Muy Alta' || priority === 'Alta')) return { [RECLASSIFY_IDS.priority]: 'Un evolutivo es Baja, Media o Urgente.' };
  if (type === 'consulta' && priority) return { [RECLASSIFY_IDS.priority]: 'Una consulta no lleva prioridad.' };
  return {};
}
