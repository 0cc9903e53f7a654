/** The rules engine (issue 5): classify a conversation, decide what follows. See docs/rules.md. */
export { classify, type ClassifyOptions } from './classify';
export { ClassifyInputSchema, classifyInputFromOpened, classifyInputFromTicket, type ClassifyInput } from './classify-input';
export { compileRules, type CompiledRules } from './compile-rules';
export { compilePattern, PatternError } from './compile-pattern';
export { decideClassification, classifiedEvent, type ClassificationDecisionOptions } from './decide';
export { classificationRouting, type ClassificationRouting } from './routing';
export { detectLanguage } from './detect-language';
export { normalizeText } from './normalize-text';
export { evaluate, formatEvaluation } from './evaluate';
export { phoneSupportByPlan } from './phone-support';
