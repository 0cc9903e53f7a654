import type { TicketStore } from '../ports';

/** Lower-case, accents removed, so "calzados ribera" finds "Calzados Ribera S.L." and "Peñalara" "penalara". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * Searches the companies of the tickets care-relay knows (open ones first): the options of the
 * bug form's customer select. Intercom's REST API has no partial-name company search, and the
 * options must come back within Slack's 3 seconds, so the store is the fast, offline source; a
 * company never seen in a conversation is not offered (file the bug with its conversation).
 */
export function searchKnownCompanies(store: Pick<TicketStore, 'openTicketIds' | 'get'>, limit = 2000) {
  return async (query: string): Promise<{ id: string; name: string }[]> => {
    const q = fold(query.trim());
    if (q.length < 2) return [];
    const found = new Map<string, string>();
    for (const id of (await store.openTicketIds()).slice(0, limit)) {
      const company = (await store.get(id))?.company;
      if (company?.name && !found.has(company.id) && fold(company.name).includes(q)) found.set(company.id, company.name);
      if (found.size >= 100) break;
    }
    return [...found].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  };
}
