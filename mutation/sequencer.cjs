/**
 * The order of test files in mutation runs (jest.mutate.config.cjs): unit tests first, then
 * injected faults, then the tests against DynamoDB Local, smallest file first within each, so
 * that a mutant a unit test kills is found in a second (with bail-environment.cjs,
 * the files after the first failure are skipped).
 */
const { statSync } = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;

const RANK = ['/test/unit/', '/test/faults/', '/test/integration/'];
const rank = (path) => {
  const index = RANK.findIndex((folder) => path.includes(folder));
  return index < 0 ? RANK.length : index;
};

class MutationSequencer extends Sequencer {
  sort(tests) {
    const size = (test) => statSync(test.path).size;
    return [...tests].sort((a, b) => rank(a.path) - rank(b.path) || size(a) - size(b) || a.path.localeCompare(b.path));
  }
}

module.exports = MutationSequencer;
