import type { Gold } from './labeled-conversation';

export const FLAG_LABELS = ['complaint', 'multi_topic', 'phone_request', 'out_of_scope', 'missing_info'] as const;
export type FlagLabel = (typeof FLAG_LABELS)[number];

/** Precision, recall and F1 of one flag (NaN-free: an empty denominator counts as 1). */
export interface FlagScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** counts[gold][predicted]. */
export type Confusion = Record<string, Record<string, number>>;

export interface Evaluation {
  total: number;
  typeAccuracy: number;
  /** Over conversations whose gold type is incidencia: predicted priority equals gold. */
  priorityAccuracy: number;
  priorityTotal: number;
  /** Over conversations whose gold type is evolutivo. */
  evoCriticalityAccuracy: number;
  evoTotal: number;
  flags: Record<FlagLabel, FlagScore>;
  typeConfusion: Confusion;
  priorityConfusion: Confusion;
  /** Ids of conversations with any label wrong, and which labels. */
  errors: { id: string; labels: string[] }[];
}

const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);

function bump(m: Confusion, gold: string, predicted: string): void {
  m[gold] ??= {};
  m[gold][predicted] = (m[gold][predicted] ?? 0) + 1;
}

/** Compares predictions with gold labels: accuracy per label, confusion matrices, flag P/R/F1. */
export function evaluate(pairs: readonly { id: string; gold: Gold; predicted: Gold }[]): Evaluation {
  let typeOk = 0;
  let prioOk = 0;
  let prioTotal = 0;
  let evoOk = 0;
  let evoTotal = 0;
  const typeConfusion: Confusion = {};
  const priorityConfusion: Confusion = {};
  const counts = Object.fromEntries(FLAG_LABELS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<FlagLabel, { tp: number; fp: number; fn: number }>;
  const errors: { id: string; labels: string[] }[] = [];
  for (const { id, gold, predicted } of pairs) {
    const wrong: string[] = [];
    bump(typeConfusion, gold.type, predicted.type);
    if (gold.type === predicted.type) typeOk++;
    else wrong.push(`type ${gold.type}→${predicted.type}`);
    if (gold.type === 'incidencia') {
      prioTotal++;
      bump(priorityConfusion, gold.priority ?? '-', predicted.priority ?? '-');
      if (gold.priority === predicted.priority) prioOk++;
      else wrong.push(`priority ${gold.priority}→${predicted.priority}`);
    }
    if (gold.type === 'evolutivo') {
      evoTotal++;
      if (gold.evo_criticality === predicted.evo_criticality) evoOk++;
      else wrong.push(`evo ${gold.evo_criticality}→${predicted.evo_criticality}`);
    }
    for (const f of FLAG_LABELS) {
      const c = counts[f];
      if (gold[f] && predicted[f]) c.tp++;
      else if (!gold[f] && predicted[f]) {
        c.fp++;
        wrong.push(`+${f}`);
      } else if (gold[f] && !predicted[f]) {
        c.fn++;
        wrong.push(`-${f}`);
      }
    }
    if (wrong.length > 0) errors.push({ id, labels: wrong });
  }
  const flags = Object.fromEntries(
    FLAG_LABELS.map((f) => {
      const { tp, fp, fn } = counts[f];
      const precision = ratio(tp, tp + fp);
      const recall = ratio(tp, tp + fn);
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      return [f, { tp, fp, fn, precision, recall, f1 }];
    }),
  ) as Record<FlagLabel, FlagScore>;
  return {
    total: pairs.length,
    typeAccuracy: ratio(typeOk, pairs.length),
    priorityAccuracy: ratio(prioOk, prioTotal),
    priorityTotal: prioTotal,
    evoCriticalityAccuracy: ratio(evoOk, evoTotal),
    evoTotal,
    flags,
    typeConfusion,
    priorityConfusion,
    errors,
  };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function matrix(title: string, m: Confusion, labels: readonly string[]): string[] {
  const width = Math.max(10, ...labels.map((l) => l.length)) + 2;
  const cell = (s: string) => s.padStart(width);
  const lines = [`${title} (rows: gold, columns: predicted)`, cell('') + labels.map(cell).join('')];
  for (const g of labels) {
    if (!m[g]) continue;
    lines.push(cell(g) + labels.map((p) => cell(String(m[g][p] ?? 0))).join(''));
  }
  return lines;
}

/** The evaluation as the text `care-relay classify --eval` prints. */
export function formatEvaluation(e: Evaluation): string {
  const lines = [
    `conversations: ${e.total}`,
    `type accuracy: ${pct(e.typeAccuracy)}`,
    `incident priority exact: ${pct(e.priorityAccuracy)} (${e.priorityTotal} incidents)`,
    `evolutivo criticality exact: ${pct(e.evoCriticalityAccuracy)} (${e.evoTotal} evolutivos)`,
    '',
    ...matrix('type', e.typeConfusion, ['consulta', 'incidencia', 'evolutivo']),
    '',
    ...matrix('incident priority', e.priorityConfusion, ['Muy Alta', 'Alta', 'Media', 'Baja', '-']),
    '',
    'flag            precision  recall     f1   (tp fp fn)',
    ...FLAG_LABELS.map((f) => {
      const s = e.flags[f];
      return `${f.padEnd(15)} ${pct(s.precision).padStart(9)} ${pct(s.recall).padStart(7)} ${s.f1.toFixed(2).padStart(6)}   (${s.tp} ${s.fp} ${s.fn})`;
    }),
  ];
  if (e.errors.length > 0) {
    lines.push('', 'mismatches:');
    for (const err of e.errors) lines.push(`  ${err.id}: ${err.labels.join(', ')}`);
  }
  return lines.join('\n') + '\n';
}
