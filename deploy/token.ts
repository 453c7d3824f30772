/**
 * `npm run -s token -- [--access] [--stage <stage>] [--region <region>] <user>`: a token for the API.
 *
 * Without `--stage`, a token the local stack's JWT authorizer accepts (local-stack/local-tokens.ts).
 * With one, a Cognito token of a test user (`<user>@example.com`) of that deployed stage: created if missing
 * (no invitation sent), given a fresh random password, and signed in through the app client's
 * admin flow (ADMIN_USER_PASSWORD_AUTH), with the AWS credentials the AWS CLI would use. The
 * pool and the client are the stack's outputs.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { MAX_OWNER_ID_LENGTH } from '../lib/http/middlewares/authentication';
import { localKeys, signToken, type TokenKind } from '../local-stack/local-tokens';
import { serverlessYml } from '../local-stack/serverless-yml';

export interface DeployedTokenOptions {
  service: string;
  stage: string;
  region: string;
  user: string;
  /** The ID token (the default) or the access token of the sign-in. */
  kind?: TokenKind;
}

/** The domain of test users: the command never touches a user of another (a real one). */
const TEST_DOMAIN = '@example.com';

/** The pool's username of a test user (the pool signs users in by email); a real address is refused. */
export function usernameOf(user: string): string {
  if (!user.includes('@')) return `${user}${TEST_DOMAIN}`;
  if (user.endsWith(TEST_DOMAIN)) return user;
  throw new Error(
    `only test users (${TEST_DOMAIN}) get a token here: ${user} may be a real user, whose password this would reset`,
  );
}

/** A password the pool's default policy takes: upper and lower case, digits and a symbol. */
const randomPassword = () => `${randomBytes(24).toString('base64url')}Aa1!`;

export async function deployedToken(
  { service, stage, region, user, kind = 'id' }: DeployedTokenOptions,
  clients = {
    cloudFormation: new CloudFormationClient({ region }),
    cognito: new CognitoIdentityProviderClient({ region }),
  },
): Promise<string> {
  const stackName = `${service}-${stage}`;
  const { Stacks = [] } = await clients.cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }));
  const outputs = Object.fromEntries(
    (Stacks[0]?.Outputs ?? []).map((output) => [output.OutputKey, output.OutputValue]),
  );
  const { UserPoolId, UserPoolClientId } = outputs;
  if (!UserPoolId || !UserPoolClientId) {
    throw new Error(
      `stack ${stackName} has no UserPoolId and UserPoolClientId outputs: npm run deploy -- --stage ${stage}`,
    );
  }
  const username = usernameOf(user);
  try {
    await clients.cognito.send(
      new AdminCreateUserCommand({
        UserPoolId,
        Username: username,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: username },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
  } catch (error) {
    if (!(error instanceof UsernameExistsException)) throw error;
  }
  const password = randomPassword();
  await clients.cognito.send(
    new AdminSetUserPasswordCommand({ UserPoolId, Username: username, Password: password, Permanent: true }),
  );
  const { AuthenticationResult } = await clients.cognito.send(
    new AdminInitiateAuthCommand({
      UserPoolId,
      ClientId: UserPoolClientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
  const token = kind === 'access' ? AuthenticationResult?.AccessToken : AuthenticationResult?.IdToken;
  if (!token) throw new Error(`Cognito signed ${username} in without an ${kind === 'access' ? 'access' : 'ID'} token`);
  return token;
}

export const USAGE = [
  'usage: npm run -s token -- [--access] [--stage <stage>] [--region <region>] <userId>',
  '  prints a token for <userId>: an ID token (aud), or with --access an access token (client_id, no aud);',
  '  without --stage one the local stack accepts, with it one of that deployed stage’s Cognito pool',
].join('\n');

const parseOptions = (args: string[]) =>
  parseArgs({
    args,
    options: {
      stage: { type: 'string' },
      region: { type: 'string' },
      access: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });

/** The command: prints the token alone on one line; resolves to the exit code. */
export async function tokenCommand(
  argv: string[],
  print: (line: string) => void = (line) => process.stdout.write(line),
): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [user] = positionals;
  if (values.help) {
    print(`${USAGE}\n`);
    return 0;
  }
  if (!user || positionals.length > 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (user.length > MAX_OWNER_ID_LENGTH || !user.isWellFormed()) {
    process.stderr.write(`a user id has 1 to ${MAX_OWNER_ID_LENGTH} characters: the API refuses any other\n`);
    return 2;
  }
  const kind: TokenKind = values.access ? 'access' : 'id';
  if (values.stage === undefined) {
    print(`${await signToken(user, { keys: await localKeys(), kind })}\n`);
    return 0;
  }
  const { service } = serverlessYml();
  const region = values.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  let token: string;
  try {
    token = await deployedToken({ service, stage: values.stage, region, user, kind });
  } catch (error) {
    if ((error as Error).name !== 'CredentialsProviderError') throw error;
    process.stderr.write('no AWS credentials found: sign in as docs/deploy.md says (aws sso login, or AWS_PROFILE)\n');
    return 1;
  }
  print(`${token}\n`);
  return 0;
}
