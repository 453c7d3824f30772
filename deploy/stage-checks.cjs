// Checks of a stage's settings before it is packaged or deployed, as a Serverless Framework
// plugin (serverless.yml lists it). A stage named in `custom.stageChecks.namedOriginsRequired`
// (production) cannot be packaged with CORS open to every origin: the corsOrigin parameter
// must name the web app's origin.
class StageChecksPlugin {
  constructor(serverless) {
    this.hooks = {
      'before:package:initialize': () => {
        const { service } = serverless;
        const stage = serverless.getProvider('aws').getStage();
        const strict = service.custom?.stageChecks?.namedOriginsRequired ?? [];
        const origins = service.provider.httpApi?.cors?.allowedOrigins ?? [];
        if (strict.includes(stage) && origins.includes('*')) {
          throw new serverless.classes.Error(
            `The ${stage} stage cannot allow every origin (corsOrigin '*'): name the web app's origin, ` +
              `--param="corsOrigin=https://app.example.com" (docs/deploy.md)`,
          );
        }
      },
    };
  }
}

module.exports = StageChecksPlugin;
