/** `npm run -s token -- [--access] [--stage <stage>] [--region <region>] <userId>`: deploy/token.ts. */
import { tokenCommand } from '../deploy/token';

// The SDK's notice of the Node versions it will drop is no business of a token.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

tokenCommand(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
