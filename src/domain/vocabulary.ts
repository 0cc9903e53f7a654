import { z } from 'zod';

/**
 * The methodology's vocabulary (shared/domain/METHODOLOGY.md). Every schema and type that names a
 * ticket type, a priority or a plan comes from here, so a new value is added in one place.
 */

/** Three kinds of ticket: the first decision on every new conversation. */
export const TicketTypeSchema = z.enum(['consulta', 'incidencia', 'evolutivo']);
export type TicketType = z.infer<typeof TicketTypeSchema>;

/** Incident priority by business impact. Muy Alta only when end users cannot buy. */
export const IncidentPrioritySchema = z.enum(['Muy Alta', 'Alta', 'Media', 'Baja']);
export type IncidentPriority = z.infer<typeof IncidentPrioritySchema>;

/** The criticality the customer demands for a change request (evolutivo). */
export const EvoCriticalitySchema = z.enum(['Baja', 'Media', 'Urgente']);
export type EvoCriticality = z.infer<typeof EvoCriticalitySchema>;

/** Any priority a ticket can carry: incident priorities and evolutivo criticalities. */
export const PrioritySchema = z.enum(['Muy Alta', 'Alta', 'Media', 'Baja', 'Urgente']);
export type Priority = z.infer<typeof PrioritySchema>;

export const PlanSchema = z.enum(['Platinum', 'Gold', 'Silver', 'Bronze']);
export type Plan = z.infer<typeof PlanSchema>;

/** SaaS customers and self-hosted (open source) customers have separate SLA tables. */
export const HostingSchema = z.enum(['saas', 'self-hosted']);
export type Hosting = z.infer<typeof HostingSchema>;

export const LanguageSchema = z.enum(['es', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

/** The flags the rules engine raises on a conversation. */
export const FlagsSchema = z.object({
  complaint: z.boolean(),
  keyAccount: z.boolean(),
  multiTopic: z.boolean(),
  phoneRequest: z.boolean(),
  outOfScope: z.boolean(),
  missingInfo: z.boolean(),
});
export type Flags = z.infer<typeof FlagsSchema>;

/** Who has the ball: used to split elapsed time between parties. */
export const PartySchema = z.enum(['support', 'development', 'provider', 'customer']);
export type Party = z.infer<typeof PartySchema>;

/** Epoch milliseconds (UTC). The domain speaks in instants; time zones live in calendars. */
export const InstantSchema = z.number().int().nonnegative();
export type Instant = z.infer<typeof InstantSchema>;
