import { PlanSchema, type Hosting, type Plan } from '../../domain/vocabulary';
import type { Company } from '../../domain/events';
import type { IntercomConfig } from '../../config/intercom.schema';

/** The parts of an Intercom company (REST 2.14 `company`) the methodology needs. */
export interface IntercomCompanyLike {
  id: string;
  name?: string | null;
  plan?: { name?: string | null } | null;
  tags?: { tags?: unknown[] } | null;
  custom_attributes?: Record<string, unknown> | null;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);

function planOf(raw: string | null, aliases: Record<string, Plan>): Plan | undefined {
  if (!raw) return undefined;
  const lower = raw.toLowerCase();
  const direct = PlanSchema.options.find((p) => p.toLowerCase() === lower);
  if (direct) return direct;
  for (const [alias, plan] of Object.entries(aliases)) if (alias.toLowerCase() === lower) return plan;
  return undefined;
}

function hostingOf(raw: string | null, aliases: Record<string, Hosting>): Hosting | undefined {
  if (!raw) return undefined;
  const lower = raw.toLowerCase();
  for (const [alias, hosting] of Object.entries(aliases)) if (alias.toLowerCase() === lower) return hosting;
  return undefined;
}

function tagNames(tags: IntercomCompanyLike['tags']): string[] {
  return (tags?.tags ?? []).flatMap((t) => {
    const name = typeof t === 'object' && t !== null ? (t as { name?: unknown }).name : undefined;
    return typeof name === 'string' ? [name] : [];
  });
}

/**
 * Maps an Intercom company to the methodology's company: plan from the configured custom attribute,
 * else Intercom's `plan.name`; the KA tag normalised to `KA` so the fold recognises a key account
 * whatever the workspace calls it; hosting and CSM from custom attributes. Pure.
 */
export function companyFromIntercom(c: IntercomCompanyLike, config: IntercomConfig['company']): Company {
  const attrs = c.custom_attributes ?? {};
  const aliases = config.planAliases;
  const plan = planOf(text(attrs[config.planAttribute]), aliases) ?? planOf(text(c.plan?.name), aliases);
  const hosting = hostingOf(text(attrs[config.hostingAttribute]), config.hostingAliases);
  const kaTag = config.keyAccountTag.toLowerCase();
  const tags = tagNames(c.tags).map((t) => (t.toLowerCase() === kaTag ? 'KA' : t));
  const csm = text(attrs[config.csmAttribute]);
  return {
    id: c.id,
    ...(c.name ? { name: c.name } : {}),
    ...(plan ? { plan } : {}),
    ...(hosting ? { hosting } : {}),
    tags: [...new Set(tags)],
    ...(csm ? { csm } : {}),
  };
}
