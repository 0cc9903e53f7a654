'use strict';
/**
 * Jest reporter that ends the run with one plain line, `tests: N passed, N failed[, N skipped]`,
 * so CI logs and tools that read closing lines see the outcome without parsing Jest's own summary.
 */
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(`tests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
module.exports = PlainSummaryReporter;
