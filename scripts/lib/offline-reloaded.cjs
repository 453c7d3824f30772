// A serverless plugin of the local stack's own: after serverless offline has dropped its
// workers because serverless-esbuild bundled changed code ('offline:functionsUpdated'), it
// tells the process that started serverless (scripts/start.ts, over IPC) that the next request
// runs the new code. It does nothing in any other command (package, deploy).
class OfflineReloaded {
  constructor() {
    this.hooks = {
      'offline:functionsUpdated:cleanup': () => {
        if (process.send) process.send({ type: 'functions-reloaded' });
      },
    };
  }
}

module.exports = OfflineReloaded;
