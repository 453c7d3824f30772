/**
 * The test environment of mutation runs (jest.mutate.config.cjs): once a test has failed with
 * a mutant active, the test files after it in that run are skipped, since the mutant is
 * killed already. StrykerJS cannot ask Jest to bail (jest#11766), so without this a mutant
 * that runs every test (one whose code runs when a module loads) runs them all even when the
 * first one kills it. Stryker's initial run, with no mutant active, runs every test.
 */
const { TestEnvironment } = require('jest-environment-node');

/** The mutant a test failed with, shared by the test files of this process (Jest runs them in band). */
let killed;

function skipAll(block) {
  block.mode = 'skip';
  for (const child of block.children) {
    if (child.type === 'describeBlock') skipAll(child);
    else child.mode = 'skip';
  }
}

class MutationBailEnvironment extends TestEnvironment {
  handleTestEvent(event, state) {
    const mutant = process.env.__STRYKER_ACTIVE_MUTANT__;
    if (mutant === undefined) return;
    if (event.name === 'test_fn_failure' || event.name === 'hook_failure') killed = mutant;
    else if (event.name === 'run_start' && killed === mutant) skipAll(state.rootDescribeBlock);
  }
}

module.exports = MutationBailEnvironment;
