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
import { readZip } from '../../bench/zip';
import { readTableProperties } from '../../local-stack/table';

// The IAM definition is a CommonJS module that serverless.yml includes.
const { permissions, roleName } = require('../../resources/iam.js');

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
      'GetDocsLambdaFunction',
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
    expect(routes['GET /docs']?.AuthorizationType).not.toBe('JWT');
  });

  it('carries the reference page’s renderer in the docs function alone', () => {
    const docs = readZip(join(out, 'getDocs.zip')).get('functions/docs.js')?.toString('utf8') ?? '';
    expect(docs).toContain('SwaggerUIBundle');
    for (const name of ['createProject', 'listProjects', 'getOpenApi', 'routeNotFound']) {
      const bundle = readZip(join(out, `${name}.zip`));
      const code = [...bundle.values()].map((file) => file.toString('utf8')).join('');
      expect({ name, swaggerUi: code.includes('SwaggerUIBundle') || code.includes('swagger-ui') }).toEqual({
        name,
        swaggerUi: false,
      });
    }
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

  it('gives each function a role of its own with only the actions it uses, and no wildcard', () => {
    expect(template.Resources.IamRoleLambdaExecution).toBeUndefined();
    const tableArn = { 'Fn::GetAtt': ['ProjectsTable', 'Arn'] };
    const functions = resources('AWS::Lambda::Function');
    expect(functions.length).toBe(Object.keys(permissions).length);
    for (const [fn, granted] of Object.entries(permissions) as [string, { table?: string[]; index?: string[] }][]) {
      const [, lambda] =
        functions.find(([name]) => name === `${fn[0]?.toUpperCase()}${fn.slice(1)}LambdaFunction`) ?? [];
      expect(lambda?.Properties.Role).toEqual({ 'Fn::GetAtt': [roleName(fn), 'Arn'] });
      const role = template.Resources[roleName(fn)];
      const statements = role.Properties.Policies.flatMap(
        (policy: { PolicyDocument: { Statement: unknown[] } }) => policy.PolicyDocument.Statement,
      ) as { Effect: string; Action: string[]; Resource: unknown[] }[];
      for (const statement of statements) {
        expect(statement.Effect).toBe('Allow');
        for (const action of statement.Action) expect(action).not.toContain('*');
        for (const resource of statement.Resource) {
          const text = JSON.stringify(resource);
          if (!text.includes('*')) continue;
          // The one wildcard: the log streams of the function's own log group.
          expect(text).toContain(`:log-group:/aws/lambda/projects-api-ci-${fn}:log-stream:*`);
          expect(statement.Action.every((action) => action.startsWith('logs:'))).toBe(true);
        }
      }
      const dynamo = statements.filter((statement) =>
        statement.Action.some((action) => action.startsWith('dynamodb:')),
      );
      const expected = [
        ...(granted.table ? [{ Effect: 'Allow', Action: granted.table, Resource: [tableArn] }] : []),
        ...(granted.index
          ? [{ Effect: 'Allow', Action: granted.index, Resource: [{ 'Fn::Join': ['/', [tableArn, 'index', 'gsi1']] }] }]
          : []),
      ];
      expect(dynamo).toEqual(expected);
    }
  });

  it('keeps the table safe: point-in-time recovery, deletion protection, retained', () => {
    const [[, table] = []] = resources('AWS::DynamoDB::Table');
    expect(table).toMatchObject({
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      },
    });
  });

  it('configures CORS explicitly, without credentials', () => {
    const [[, api] = []] = resources('AWS::ApiGatewayV2::Api');
    const cors = api?.Properties.CorsConfiguration as Record<string, unknown> | undefined;
    expect(cors?.AllowCredentials).not.toBe(true);
    expect(cors).toMatchObject({
      AllowHeaders: expect.arrayContaining(['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match']),
      ExposeHeaders: expect.arrayContaining(['ETag', 'Location', 'x-request-id', 'Retry-After']),
    });
  });
});
