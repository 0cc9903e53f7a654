/**
 * `npm run bench:classify`: classifier throughput on one core, rules and the model behind them
 * (config/classifier.json) compiled once; `BENCH_NO_MODEL=1` measures the rules alone.
 * Corpus: the shared sample and our labeled sets, each conversation also with a few words changed
 * so the speller's cache is not all hits. Last line: `classify-bench: <N> conversations/s`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseConversations, readModelFile, readRulesFile } from '../src/app/cli/classify';
import { classify } from '../src/domain/classify/classify';
import { compileRules } from '../src/domain/classify/compile-rules';
import { inputFromLabeled } from '../src/domain/classify/labeled-conversation';

const files = [
  path.resolve(__dirname, '..', '..', 'shared', 'fixtures', 'conversations.sample.jsonl'),
  path.resolve(__dirname, '..', 'test', 'fixtures', 'classify', 'own.jsonl'),
  path.resolve(__dirname, '..', 'test', 'fixtures', 'classify', 'holdout.jsonl'),
].filter((f) => fs.existsSync(f));

const rules = readRulesFile();
if (!rules.ok) throw new Error(rules.errors.join('\n'));
const model = process.env.BENCH_NO_MODEL ? { ok: true as const, model: null } : readModelFile();
if (!model.ok) throw new Error(model.errors.join('\n'));
const t0 = performance.now();
const compiled = compileRules(rules.rules, model.model);
const compileMs = performance.now() - t0;

const base = files.flatMap((f) => parseConversations(fs.readFileSync(f, 'utf8'), f).conversations.map(inputFromLabeled));
const corpus = base.flatMap((c, i) => [c, { ...c, body: `${c.body} Ref ${i}x${(i * 7919) % 1000} gracias saludos` }]);

const seconds = Number(process.env.BENCH_SECONDS ?? 3);
for (let i = 0; i < 2000; i++) classify(corpus[i % corpus.length], compiled); // warm-up
let n = 0;
const start = performance.now();
const deadline = start + seconds * 1000;
while (performance.now() < deadline) {
  for (let i = 0; i < corpus.length; i++) classify(corpus[i], compiled);
  n += corpus.length;
}
const elapsed = (performance.now() - start) / 1000;
const avgChars = Math.round(corpus.reduce((s, c) => s + c.body.length + (c.subject?.length ?? 0), 0) / corpus.length);
console.log(`rules: ${rules.rules.rules.length}, model: ${compiled.model ? `${compiled.model.words.length} features` : 'none'}, compiled in ${compileMs.toFixed(1)} ms`);
console.log(`corpus: ${corpus.length} conversations, ${avgChars} characters on average`);
console.log(`classified ${n} conversations in ${elapsed.toFixed(2)} s (${((elapsed * 1e6) / n).toFixed(1)} µs each)`);
console.log(`classify-bench: ${Math.round(n / elapsed)} conversations/s`);
