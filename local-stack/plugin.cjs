// The local stack, as a Serverless Framework plugin (serverless.yml lists it): under
// `serverless offline` it starts DynamoDB Local and the table, verifies local tokens, and puts
// API Gateway's HTTP API (local-stack/gateway.ts) in front of serverless offline's Lambda.
// It is written in TypeScript (local-stack/offline.ts), loaded through tsx only when
// `serverless offline` runs: package, deploy and every other command never load it.
class LocalStackPlugin {
  constructor(serverless, options, utils) {
    let stack;
    const load = () => {
      if (!stack) {
        const { OfflineStack } = require('tsx/cjs/api').require('./offline.ts', __filename);
        stack = new OfflineStack(serverless, options, utils);
      }
      return stack;
    };
    const inMemory = {
      usage: 'Keep DynamoDB Local in memory: nothing under .data/dynamodb, nothing kept after a stop',
      type: 'boolean',
    };
    // One more option of serverless offline's own command: `serverless offline --in-memory`.
    this.commands = {
      offline: { options: { 'in-memory': inMemory }, commands: { start: { options: { 'in-memory': inMemory } } } },
    };
    this.hooks = {
      // `serverless offline` and `serverless offline start` (serverless-esbuild has bundled by then).
      'before:offline:start': () => load().start(),
      'before:offline:start:init': () => load().start(),
      // serverless offline dropped its workers after a rebuild: the next invocation runs the new code.
      'offline:functionsUpdated:cleanup': () => stack?.reloaded(),
    };
  }
}

module.exports = LocalStackPlugin;
