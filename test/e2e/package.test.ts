/**
 * `serverless package` with no AWS credentials, and what its CloudFormation template
 * promises: the table from resources/projects-table.yml, one Lambda per endpoint on
 * nodejs22.x, a JWT authorizer, and IAM limited to the table.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readTableProperties } from '../../scripts/lib/table';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'projects-api-package-'));
// biome-ignore lint/suspicious/noExplicitAny: a CloudFormation template is arbitrary JSON
let template: any;

beforeAll(async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' };
  for (const name of Object.keys(env))
    if (name.startsWith('AWS_') && name !== 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED') delete env[name];
  env.AWS_SHARED_CREDENTIALS_FILE = join(out, 'no-credentials');
  env.AWS_CONFIG_FILE = join(out, 'no-config');
  await promisify(execFile)(
    process.execPath,
    [require.resolve('osls/bin/serverless.js'), 'package', '--stage', 'ci', '--package', out],
    {
      cwd: ROOT,
      env,
    },
  );
  template = JSON.parse(readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8'));
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

const resources = (type: string) =>
  Object.entries(template.Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>).filter(
    ([, resource]) => resource.Type === type,
  );

describe('serverless package', () => {
  it('declares the table from resources/projects-table.yml, retained on delete', () => {
    const [[, table] = []] = resources('AWS::DynamoDB::Table');
    const definition = readTableProperties();
    expect(table).toMatchObject({
      DeletionPolicy: 'Retain',
      Properties: {
        TableName: 'projects-api-ci-projects',
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: definition.KeySchema,
        AttributeDefinitions: definition.AttributeDefinitions,
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      },
    });
  });

  it('deploys one nodejs22.x Lambda per endpoint, with the table name in its environment', () => {
    const functions = resources('AWS::Lambda::Function');
    expect(functions.map(([name]) => name).sort()).toEqual([
      'CreateProjectLambdaFunction',
      'CreateProjectsBatchLambdaFunction',
      'DeleteProjectLambdaFunction',
      'GetOpenApiLambdaFunction',
      'GetProjectLambdaFunction',
      'ListProjectsLambdaFunction',
      'RestoreProjectLambdaFunction',
      'RouteNotFoundLambdaFunction',
      'UpdateProjectLambdaFunction',
    ]);
    for (const [, fn] of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Environment: { Variables: { TABLE_NAME: 'projects-api-ci-projects', AUTH_MODE: 'gateway' } },
      });
    }
  });

  it('protects the project routes with the JWT authorizer and leaves the catch-all open', () => {
    const [[, authorizer] = []] = resources('AWS::ApiGatewayV2::Authorizer');
    expect(authorizer?.Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
    });
    const routes = Object.fromEntries(
      resources('AWS::ApiGatewayV2::Route').map(([, route]) => [route.Properties.RouteKey, route.Properties]),
    );
    for (const route of [
      'POST /projects',
      'POST /projects/batch',
      'GET /projects',
      'GET /projects/{id}',
      'PATCH /projects/{id}',
      'DELETE /projects/{id}',
      'POST /projects/{id}/restore',
    ]) {
      expect(routes[route]).toMatchObject({ AuthorizationType: 'JWT' });
    }
    expect(routes.$default?.AuthorizationType).not.toBe('JWT');
    expect(routes['GET /openapi.json']?.AuthorizationType).not.toBe('JWT');
  });

  it('declares an alarm on unexpected errors alone', () => {
    const alarms = resources('AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties);
    expect(alarms).toEqual([
      expect.objectContaining({
        Namespace: 'ProjectsApi',
        MetricName: 'UnexpectedErrors',
        Dimensions: [{ Name: 'service', Value: 'projects-api' }],
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      }),
    ]);
  });

  it('grants DynamoDB actions only on the table, and no wildcard actions anywhere', () => {
    const [[, role] = []] = resources('AWS::IAM::Role');
    const policies = role?.Properties.Policies as {
      PolicyDocument: { Statement: { Action: string[]; Resource: unknown[] }[] };
    }[];
    const statements = policies.flatMap((policy) => policy.PolicyDocument.Statement);
    for (const statement of statements) {
      for (const action of statement.Action) expect(action).not.toContain('*');
    }
    const dynamo = statements.filter((statement) => statement.Action.some((action) => action.startsWith('dynamodb:')));
    const tableArn = { 'Fn::GetAtt': ['ProjectsTable', 'Arn'] };
    expect(dynamo).toEqual([
      expect.objectContaining({
        Action: [
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'dynamodb:DeleteItem',
          'dynamodb:ConditionCheckItem',
        ],
        Resource: [tableArn],
      }),
      expect.objectContaining({
        Action: ['dynamodb:Query'],
        Resource: [{ 'Fn::Join': ['/', [tableArn, 'index', 'gsi1']] }],
      }),
    ]);
  });
});
