// The local stack, as a Serverless Framework plugin (serverless.yml lists it): under
// `serverless offline` it starts DynamoDB Local and the table, and puts API Gateway's HTTP API
// (local-stack/gateway.ts, its JWT authorizer included) in front of serverless offline's Lambda;
// under `serverless invoke local` it gives the function the local environment and DynamoDB
// Local (local-stack/invoke-local.ts). It is written in TypeScript, loaded through tsx only
// when one of those two commands runs: package, deploy and every other command never load it.
const load = (file) => require('tsx/cjs/api').require(file, __filename);

class LocalStackPlugin {
  constructor(serverless, options, utils) {
    let stack;
    let invoke;
    const offline = () => {
      if (!stack) {
        const { OfflineStack } = load('./offline.ts');
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
    const invokingLocally = () => {
      const commands = serverless.processedInput?.commands ?? [];
      return commands[0] === 'invoke' && commands[1] === 'local';
    };
    this.hooks = {
      // `serverless invoke local`: before the framework's own hook reads the functions' environment.
      initialize: async () => {
        // `serverless offline`: refuse a taken port or a damaged key in one line before
        // serverless-esbuild starts bundling (whose process would only be killed mid-way).
        if ((serverless.processedInput?.commands ?? [])[0] === 'offline') await offline().checks();
        if (!invokingLocally()) return;
        const { InvokeLocal } = load('./invoke-local.ts');
        invoke = new InvokeLocal(serverless);
        await invoke.prepare();
      },
      // After the invocation, or after the command failed (a wrong function, a missing event file).
      finalize: async () => {
        await invoke?.finish();
      },
      error: async () => {
        await invoke?.finish();
      },
      // `serverless offline` and `serverless offline start` (serverless-esbuild has bundled by then).
      'before:offline:start': () => offline().start(),
      'before:offline:start:init': () => offline().start(),
      // serverless offline dropped its workers after a rebuild: the next invocation runs the new code.
      'offline:functionsUpdated:cleanup': () => stack?.reloaded(),
    };
  }
}

module.exports = LocalStackPlugin;
