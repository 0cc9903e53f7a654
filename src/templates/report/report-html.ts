import type { ReportView } from './report-view';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function mark(met: boolean | null): string {
  return met === null ? '' : met ? ' <span class="met" title="target met">✓</span>' : ' <span class="missed" title="target missed">✗</span>';
}

/** The report as an HTML fragment (a `<section>`), for the standalone page and the demo transcript. */
export function reportHtmlSection(view: ReportView, chartSvg: string | null): string {
  const rows = view.headline
    .map(
      (h) =>
        `<tr><th scope="row">${escapeHtml(h.label)}</th><td>${escapeHtml(h.value)}${h.detail ? `<br><small>${escapeHtml(h.detail)}</small>` : ''}${mark(h.met)}</td>` +
        `<td>${escapeHtml(h.previous)}</td><td>${escapeHtml(h.change)}</td><td>${h.target ? escapeHtml(h.target) : ''}</td></tr>`,
    )
    .join('\n');
  const sections = view.breakdowns
    .map((s) => `<div class="card"><h3>${escapeHtml(s.title)}</h3><ul>${s.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul></div>`)
    .join('\n');
  return `<section class="weekly-report" data-section="weekly-report">
<h2>${escapeHtml(view.title)}</h2>
<table class="headline"><thead><tr><th>${escapeHtml(view.labels.metric)}</th><th>${escapeHtml(view.labels.thisWeek)}</th><th>${escapeHtml(view.labels.previousWeek)}</th><th>${escapeHtml(view.labels.change)}</th><th></th></tr></thead>
<tbody>
${rows}
</tbody></table>
${chartSvg ? `<figure class="chart"><figcaption>${escapeHtml(view.labels.chart)}</figcaption>${chartSvg}</figure>` : ''}
<div class="cards">
${sections}
</div>
<h3>${escapeHtml(view.spikes.title)}</h3>
<ul class="spikes">${view.spikes.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>
<h3>${escapeHtml(view.comparisons.title)}</h3>
<ul class="comparisons">${view.comparisons.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>
</section>`;
}

/** The CSS the report fragment needs (also used by the demo transcript). */
export const REPORT_CSS = `
.weekly-report table.headline { border-collapse: collapse; margin: 1em 0; }
.weekly-report table.headline th, .weekly-report table.headline td { border-bottom: 1px solid #ddd; padding: 6px 12px; text-align: left; vertical-align: top; }
.weekly-report .met { color: #1a7f37; font-weight: bold; } .weekly-report .missed { color: #cf222e; font-weight: bold; }
.weekly-report .cards { display: flex; flex-wrap: wrap; gap: 12px; }
.weekly-report .card { border: 1px solid #ddd; border-radius: 6px; padding: 8px 14px; min-width: 200px; }
.weekly-report .card h3 { font-size: 0.95em; margin: 0.3em 0; } .weekly-report .card ul { padding-left: 1.1em; margin: 0.3em 0; }
.weekly-report figure.chart svg { max-width: 100%; height: auto; }
`;

/** A standalone HTML page of the report (what `care-relay report --out FILE.html` writes). */
export function reportHtmlPage(view: ReportView, chartSvg: string | null, lang: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(view.title)}</title>
<style>body { font-family: 'DejaVu Sans', system-ui, sans-serif; margin: 2em auto; max-width: 1000px; color: #1f2328; }${REPORT_CSS}</style>
</head><body>
${reportHtmlSection(view, chartSvg)}
</body></html>
`;
}
