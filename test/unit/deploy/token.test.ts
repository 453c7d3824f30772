import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { deployedToken, tokenCommand, USAGE, usernameOf } from '../../../deploy/token';

const cloudFormation = mockClient(CloudFormationClient);
const cognito = mockClient(CognitoIdentityProviderClient);
const clients = () => ({
  cloudFormation: new CloudFormationClient({ region: 'eu-west-1' }),
  cognito: new CognitoIdentityProviderClient({ region: 'eu-west-1' }),
});
const options = { service: 'projects-api', stage: 'dev', region: 'eu-west-1', user: 'alice' };

beforeEach(() => {
  cloudFormation.reset();
  cognito.reset();
  cloudFormation.on(DescribeStacksCommand, { StackName: 'projects-api-dev' }).resolves({
    Stacks: [
      {
        StackName: 'projects-api-dev',
        CreationTime: new Date(),
        StackStatus: 'CREATE_COMPLETE',
        Outputs: [
          { OutputKey: 'UserPoolId', OutputValue: 'eu-west-1_pool' },
          { OutputKey: 'UserPoolClientId', OutputValue: 'client-id' },
        ],
      },
    ],
  });
  cognito.on(AdminInitiateAuthCommand).resolves({ AuthenticationResult: { IdToken: 'id.token.value' } });
});

describe('npm run token -- --stage <stage> <user>', () => {
  it('creates the user without an invitation, sets a fresh password, and signs in through the admin flow', async () => {
    expect(await deployedToken(options, clients())).toBe('id.token.value');
    const [create] = cognito.commandCalls(AdminCreateUserCommand);
    expect(create?.args[0].input).toEqual({
      UserPoolId: 'eu-west-1_pool',
      Username: 'alice@example.com',
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: 'alice@example.com' },
        { Name: 'email_verified', Value: 'true' },
      ],
    });
    const [password] = cognito.commandCalls(AdminSetUserPasswordCommand);
    const set = password?.args[0].input;
    expect(set).toMatchObject({ UserPoolId: 'eu-west-1_pool', Username: 'alice@example.com', Permanent: true });
    expect(set?.Password).toMatch(/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)(?=.*[^\w]).{32,}$/);
    const [auth] = cognito.commandCalls(AdminInitiateAuthCommand);
    expect(auth?.args[0].input).toEqual({
      UserPoolId: 'eu-west-1_pool',
      ClientId: 'client-id',
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'alice@example.com', PASSWORD: set?.Password },
    });
  });

  it('signs an existing user in again with a new password', async () => {
    cognito
      .on(AdminCreateUserCommand)
      .rejects(new UsernameExistsException({ message: 'User account already exists', $metadata: {} }));
    expect(await deployedToken(options, clients())).toBe('id.token.value');
    expect(cognito.commandCalls(AdminSetUserPasswordCommand)).toHaveLength(1);
  });

  it('says to deploy first when the stack has no pool', async () => {
    cloudFormation.on(DescribeStacksCommand).resolves({ Stacks: [] });
    await expect(deployedToken(options, clients())).rejects.toThrow(
      'stack projects-api-dev has no UserPoolId and UserPoolClientId outputs: npm run deploy -- --stage dev',
    );
    expect(cognito.calls()).toHaveLength(0);
  });

  it('signs in test users alone, never resetting the password of an address that may be real', async () => {
    expect(usernameOf('bob')).toBe('bob@example.com');
    expect(usernameOf('bob@example.com')).toBe('bob@example.com');
    await expect(deployedToken({ ...options, user: 'ceo@company.com' }, clients())).rejects.toThrow(/only test users/);
    expect(cognito.calls()).toHaveLength(0);
  });

  it('prints a local token alone on one line without --stage, and the usage without a user', async () => {
    const printed: string[] = [];
    expect(await tokenCommand(['carol'], (line) => printed.push(line))).toBe(0);
    expect(printed).toEqual([expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+\n$/)]);
    expect(cloudFormation.calls()).toHaveLength(0);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await tokenCommand([], () => undefined)).toBe(2);
    expect(stderr).toHaveBeenCalledWith(`${USAGE}\n`);
    expect(USAGE.split('\n')[0]).toBe(
      'usage: npm run -s token -- [--access] [--stage <stage>] [--region <region>] <userId>',
    );
    stderr.mockRestore();
  });

  it('prints an access token with --access: the audience as client_id, and no aud', async () => {
    const printed: string[] = [];
    expect(await tokenCommand(['--access', 'carol'], (line) => printed.push(line))).toBe(0);
    const claims = JSON.parse(Buffer.from(printed[0]?.split('.')[1] ?? '', 'base64url').toString());
    expect(claims).toMatchObject({ sub: 'carol', client_id: 'projects-api', token_use: 'access' });
    expect(claims).not.toHaveProperty('aud');
  });

  it('prints the usage for --help, and refuses an unknown option or an id the API would refuse, in one line each', async () => {
    const printed: string[] = [];
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await tokenCommand(['--help'], (line) => printed.push(line))).toBe(0);
      expect(printed[0]).toMatch(/^usage: /);
      expect(await tokenCommand(['--nope', 'carol'], (line) => printed.push(line))).toBe(2);
      expect(stderr).toHaveBeenCalledWith(expect.stringMatching(/^Unknown option '--nope'[^\n]*\nusage: /));
      expect(await tokenCommand(['x'.repeat(257)], (line) => printed.push(line))).toBe(2);
      expect(stderr).toHaveBeenLastCalledWith('a user id has 1 to 256 characters: the API refuses any other\n');
      expect(printed).toHaveLength(1);
    } finally {
      stderr.mockRestore();
    }
  });
});
