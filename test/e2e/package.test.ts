/**
 * `serverless package` with no AWS credentials, and what its CloudFormation template
 * promises: the table from resources/projects-table.yml, one Lambda per endpoint on
 * nodejs22.x, a JWT authorizer, and IAM limited to the table.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { readZip } from '../../bench/zip';
import { recordKey } from '../../lib/dynamodb/keys';
import { idempotencyOf } from '../../lib/idempotency/key';
import { readTableProperties } from '../../local-stack/table';
import { useTable } from '../support/table';

// The IAM definition is a CommonJS module that serverless.yml includes.
const { permissions, roleName } = require('../../resources/iam.js');

jest.setTimeout(240_000);

const ROOT = join(__dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'projects-api-package-'));
const table = useTable();
// biome-ignore lint/suspicious/noExplicitAny: a CloudFormation template is arbitrary JSON
type Template = any;
const templates: Record<'prod' | 'dev', Template> = { prod: undefined, dev: undefined };
// The production stage: most checks read its template.
let template: Template;

/** The web app's origin production is packaged with: it cannot be packaged without one. */
const APP_ORIGIN = 'https://app.example.com';

/** `serverless package --stage <stage>`, with no AWS credentials anywhere. */
async function packageStage(stage: 'prod' | 'dev', params: string[] = [], folder: string = stage): Promise<Template> {
  const env: NodeJS.ProcessEnv = { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' };
  for (const name of Object.keys(env))
    if (name.startsWith('AWS_') && name !== 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED') delete env[name];
  env.AWS_SHARED_CREDENTIALS_FILE = join(out, 'no-credentials');
  env.AWS_CONFIG_FILE = join(out, 'no-config');
  await promisify(execFile)(
    process.execPath,
    [
      require.resolve('serverless/bin/serverless.js'),
      'package',
      '--stage',
      stage,
      '--package',
      join(out, folder),
      ...params.map((param) => `--param=${param}`),
    ],
    { cwd: ROOT, env },
  );
  return JSON.parse(readFileSync(join(out, folder, 'cloudformation-template-update-stack.json'), 'utf8'));
}

beforeAll(async () => {
  templates.prod = await packageStage('prod', [`corsOrigin=${APP_ORIGIN}`]);
  templates.dev = await packageStage('dev');
  template = templates.prod;
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The logical ids of the template's functions. */
const lambdas = (of: Template) => resources('AWS::Lambda::Function', of).map(([id]) => id);

interface AlarmMetric {
  Namespace: string;
  MetricName: string;
  Dimensions: { Name: string; Value: Template }[];
}

/** Every metric an alarm of the template reads, whether alone or in a math expression. */
const metricsOf = (of: Template): AlarmMetric[] =>
  resources('AWS::CloudWatch::Alarm', of).flatMap(([, alarm]) => {
    const properties = alarm.Properties as Template;
    if (!properties.Metrics) return [properties as AlarmMetric];
    return (properties.Metrics as Template[]).filter((m) => m.MetricStat).map((m) => m.MetricStat.Metric);
  });

const resources = (type: string, of: Template = template) =>
  Object.entries(of.Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>).filter(
    ([, resource]) => resource.Type === type,
  );

describe('serverless package', () => {
  it('declares the table from resources/projects-table.yml, retained on delete', () => {
    const [[, table] = []] = resources('AWS::DynamoDB::Table');
    const definition = readTableProperties();
    expect(table).toMatchObject({
      DeletionPolicy: 'Retain',
      Properties: {
        TableName: 'projects-api-prod-projects',
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: definition.KeySchema,
        AttributeDefinitions: definition.AttributeDefinitions,
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      },
    });
  });

  it('deploys one nodejs22.x Lambda per endpoint, with the table name and no identity setting in its environment', () => {
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
        Environment: { Variables: { TABLE_NAME: 'projects-api-prod-projects' } },
      });
      // The JWT authorizer is the one identity check: the functions read its claims, never a token.
      const variables = Object.keys((fn.Properties.Environment as { Variables: object }).Variables);
      expect(variables.filter((name) => /AUTH|JWT/.test(name))).toEqual([]);
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

  it('throttles every route of each stage at that stage’s rate and burst', () => {
    for (const [stage, rate, burst] of [
      ['prod', 200, 400],
      ['dev', 20, 40],
    ] as const) {
      const [[, apiStage] = []] = resources('AWS::ApiGatewayV2::Stage', templates[stage]);
      expect({ stage, settings: apiStage?.Properties.DefaultRouteSettings }).toEqual({
        stage,
        settings: { DetailedMetricsEnabled: false, ThrottlingRateLimit: rate, ThrottlingBurstLimit: burst },
      });
    }
  });

  it('carries the reference page’s renderer in the docs function alone', () => {
    const docs =
      readZip(join(out, 'prod', 'getDocs.zip'))
        .get('functions/docs.js')
        ?.toString('utf8') ?? '';
    expect(docs).toContain('SwaggerUIBundle');
    for (const name of ['createProject', 'listProjects', 'getOpenApi', 'routeNotFound']) {
      const bundle = readZip(join(out, 'prod', `${name}.zip`));
      const code = [...bundle.values()].map((file) => file.toString('utf8')).join('');
      expect({ name, swaggerUi: code.includes('SwaggerUIBundle') || code.includes('swagger-ui') }).toEqual({
        name,
        swaggerUi: false,
      });
    }
  });

  it('gives each stage alarms on its own unexpected errors, Lambda errors and throttles, 5xx and the table', () => {
    for (const stage of ['prod', 'dev'] as const) {
      const alarms = Object.fromEntries(
        resources('AWS::CloudWatch::Alarm', templates[stage]).map(([, alarm]) => [alarm.Properties.AlarmName, alarm]),
      );
      expect(Object.keys(alarms).sort()).toEqual(
        [
          'api-server-errors',
          'function-errors',
          'function-throttles',
          'table-system-errors',
          'table-throttles',
          'unexpected-errors',
        ].map((name) => `projects-api-${stage}-${name}`),
      );
      expect(alarms[`projects-api-${stage}-unexpected-errors`]?.Properties).toMatchObject({
        Namespace: `ProjectsApi/${stage}`,
        MetricName: 'UnexpectedErrors',
        Dimensions: [{ Name: 'service', Value: 'projects-api' }],
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
      // Every function's Errors and Throttles are read, each by exactly one alarm.
      for (const metric of ['Errors', 'Throttles']) {
        const read = metricsOf(templates[stage])
          .filter((m) => m.Namespace === 'AWS/Lambda' && m.MetricName === metric)
          .map((m) => m.Dimensions[0]?.Value);
        expect(read).toEqual(lambdas(templates[stage]).map((name) => ({ Ref: name })));
      }
    }
  });

  it('lets each stage’s alarms read only that stage’s metrics: its namespace, functions, API and table', () => {
    for (const stage of ['prod', 'dev'] as const) {
      const own = templates[stage];
      const functions = resources('AWS::Lambda::Function', own).map(([, fn]) => fn.Properties) as Template[];
      const emitted = new Set(functions.map((fn) => fn.Environment.Variables.POWERTOOLS_METRICS_NAMESPACE));
      expect([...emitted]).toEqual([`ProjectsApi/${stage}`]);
      const services = new Set(functions.map((fn) => fn.Environment.Variables.POWERTOOLS_SERVICE_NAME));
      for (const metric of metricsOf(own)) {
        const dimension = Object.fromEntries(metric.Dimensions.map(({ Name, Value }) => [Name, Value]));
        if (metric.Namespace.startsWith('ProjectsApi')) {
          expect(metric.Namespace).toBe(`ProjectsApi/${stage}`);
          expect(services.has(dimension.service)).toBe(true);
        } else if (metric.Namespace === 'AWS/Lambda') {
          expect(lambdas(own)).toContain(dimension.FunctionName?.Ref);
        } else if (metric.Namespace === 'AWS/ApiGateway') {
          expect(dimension).toEqual({ ApiId: { Ref: 'HttpApi' } });
        } else {
          expect(metric.Namespace).toBe('AWS/DynamoDB');
          expect(dimension.TableName).toEqual({ Ref: 'ProjectsTable' });
        }
      }
    }
    expect(templates.prod.Resources.UnexpectedErrorsAlarm.Properties.Namespace).not.toBe(
      templates.dev.Resources.UnexpectedErrorsAlarm.Properties.Namespace,
    );
  });

  it('notifies the stage’s topic of every alarm, and subscribes the alarmEmail parameter’s address alone', async () => {
    for (const stage of ['prod', 'dev'] as const) {
      const [[topicId, topic] = []] = resources('AWS::SNS::Topic', templates[stage]);
      expect(topic?.Properties.TopicName).toBe(`projects-api-${stage}-alarms`);
      for (const [, alarm] of resources('AWS::CloudWatch::Alarm', templates[stage])) {
        expect(alarm.Properties).toMatchObject({ AlarmActions: [{ Ref: topicId }], OKActions: [{ Ref: topicId }] });
      }
      expect(resources('AWS::SNS::Subscription', templates[stage])).toEqual([]);
    }
    const subscribed = await packageStage('dev', ['alarmEmail=ops@example.com'], 'dev-with-email');
    expect(resources('AWS::SNS::Subscription', subscribed).map(([, sub]) => sub.Properties)).toEqual([
      { TopicArn: { Ref: 'AlarmTopic' }, Protocol: 'email', Endpoint: 'ops@example.com' },
    ]);
  });

  it('points every alarm at its section of the runbook, docs/operations.md', () => {
    const runbook = readFileSync(join(ROOT, 'docs', 'operations.md'), 'utf8');
    const sections = new Set([...runbook.matchAll(/^#+ (.+)$/gm)].map(([, heading]) => heading));
    for (const [id, alarm] of resources('AWS::CloudWatch::Alarm')) {
      const [, anchor] = /docs\/operations\.md#([a-z-]+)$/.exec(alarm.Properties.AlarmDescription as string) ?? [];
      expect({ id, anchor, documented: sections.has(anchor ?? '') }).toEqual({ id, anchor, documented: true });
    }
  });

  it('gives every function role the permissions boundary the pipeline’s deploy role requires, when given one', async () => {
    const boundary = 'arn:aws:iam::123456789012:policy/github-deploy-FunctionRoleBoundary-AbC';
    const bounded = await packageStage('dev', [`permissionsBoundary=${boundary}`], 'dev-bounded');
    const roles = resources('AWS::IAM::Role', bounded);
    expect(roles.length).toBe(Object.keys(permissions).length);
    for (const [id, role] of roles) {
      expect({ id, boundary: role.Properties.PermissionsBoundary }).toEqual({ id, boundary });
    }
    for (const [id, role] of resources('AWS::IAM::Role', templates.dev)) {
      expect({ id, boundary: role.Properties.PermissionsBoundary }).toEqual({ id, boundary: undefined });
    }
  });

  it('alarms at each stage’s thresholds: production bears a few retried 5xx and a moment’s throttling', () => {
    const thresholds = (stage: 'prod' | 'dev') =>
      Object.fromEntries(
        resources('AWS::CloudWatch::Alarm', templates[stage]).map(([id, alarm]) => [id, alarm.Properties.Threshold]),
      );
    expect(thresholds('dev')).toEqual({
      UnexpectedErrorsAlarm: 1,
      ApiServerErrorsAlarm: 1,
      TableThrottlesAlarm: 1,
      TableSystemErrorsAlarm: 1,
      FunctionErrorsAlarm: 1,
      FunctionThrottlesAlarm: 1,
    });
    expect(thresholds('prod')).toEqual({ ...thresholds('dev'), ApiServerErrorsAlarm: 5, TableThrottlesAlarm: 10 });
  });

  it('writes an access log of every request, kept as long as the functions’ logs, that names both request ids', () => {
    for (const stage of ['prod', 'dev'] as const) {
      const own = templates[stage];
      const [[, apiStage] = []] = resources('AWS::ApiGatewayV2::Stage', own);
      const settings = apiStage?.Properties.AccessLogSettings as { DestinationArn: unknown; Format: string };
      expect(settings.DestinationArn).toEqual({ 'Fn::GetAtt': ['HttpApiLogGroup', 'Arn'] });
      expect(own.Resources.HttpApiLogGroup.Properties).toEqual({
        LogGroupName: `/aws/http-api/projects-api-${stage}`,
        RetentionInDays: own.Resources.CreateProjectLogGroup.Properties.RetentionInDays,
      });
      // Only variables API Gateway documents for HTTP APIs' access logs, and none a client writes freely.
      const variables = [...settings.Format.matchAll(/\$context\.[A-Za-z.]+/g)].map(([name]) => name).sort();
      expect(variables).toEqual(
        [
          '$context.authorizer.claims.sub',
          '$context.authorizer.error',
          '$context.error.messageString',
          '$context.error.responseType',
          '$context.httpMethod',
          '$context.identity.sourceIp',
          '$context.integration.requestId',
          '$context.integrationErrorMessage',
          '$context.integrationLatency',
          '$context.integrationStatus',
          '$context.path',
          '$context.requestId',
          '$context.requestTime',
          '$context.responseLatency',
          '$context.responseLength',
          '$context.routeKey',
          '$context.status',
        ].sort(),
      );
      // As API Gateway writes it: every $context variable replaced by a value (a number where unquoted;
      // messageString is written quoted by API Gateway itself).
      const quoted = settings.Format.replace('$context.error.messageString', '"200"');
      const line = JSON.parse(quoted.replace(/\$context\.[A-Za-z.]+/g, '200'));
      expect(line).toMatchObject({
        requestId: '200',
        apigwRequestId: '200',
        routeKey: '200',
        status: 200,
        responseLatency: 200,
        error: '200',
        authorizerError: '200',
        integrationError: '200',
      });
      expect(settings.Format).toContain('"requestId":"$context.integration.requestId"');
      expect(settings.Format).toContain('"apigwRequestId":"$context.requestId"');
    }
  });

  it('gives each stage a dashboard of its own: alarms, answers, latency per route, Lambda, DynamoDB, the access log', () => {
    for (const stage of ['prod', 'dev'] as const) {
      const own = templates[stage];
      const [[, dashboard] = []] = resources('AWS::CloudWatch::Dashboard', own);
      expect(dashboard?.Properties.DashboardName).toBe(`projects-api-${stage}`);
      const text = (own.Resources.Dashboard.Properties.DashboardBody as { 'Fn::Sub': string })['Fn::Sub'];
      const { widgets } = JSON.parse(text) as { widgets: Template[] };
      const alarmIds = resources('AWS::CloudWatch::Alarm', own).map(([id]) => `\${${id}.Arn}`);
      expect(widgets.find((w) => w.type === 'alarm')?.properties.alarms).toEqual(alarmIds);
      const metrics = widgets.flatMap((w) => (w.properties.metrics ?? []) as unknown[][]);
      const has = (...prefix: unknown[]) =>
        metrics.some((m) => prefix.every((part, i) => JSON.stringify(m[i]) === JSON.stringify(part)));
      for (const name of ['Count', '4xx', '5xx', 'Latency']) expect(has('AWS/ApiGateway', name, 'ApiId')).toBe(true);
      for (const fn of lambdas(own)) {
        for (const metric of ['Duration', 'Errors', 'Throttles']) {
          expect({ fn, metric, shown: has('AWS/Lambda', metric, 'FunctionName', `\${${fn}}`) }).toEqual({
            fn,
            metric,
            shown: true,
          });
        }
      }
      for (const metric of ['ConsumedReadCapacityUnits', 'ConsumedWriteCapacityUnits', 'ReadThrottleEvents']) {
        expect(has('AWS/DynamoDB', metric, 'TableName', `\${ProjectsTable}`)).toBe(true);
      }
      expect(text).toContain(`{\\"ProjectsApi/${stage}\\",code,route,service} MetricName=\\"Requests\\"`);
      const queries = widgets.filter((w) => w.type === 'log').map((w) => w.properties.query as string);
      expect(queries.length).toBeGreaterThan(0);
      for (const query of queries) expect(query).toContain(`SOURCE '/aws/http-api/projects-api-${stage}'`);
      // Every ${…} is a resource of the template or a pseudo parameter: Fn::Sub resolves it.
      for (const [, name] of text.matchAll(/\$\{([^}]+)\}/g)) {
        expect({
          name,
          known: String(name).startsWith('AWS::') || (String(name).split('.')[0] as string) in own.Resources,
        }).toEqual({
          name,
          known: true,
        });
      }
    }
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
          expect(text).toContain(`:log-group:/aws/lambda/projects-api-prod-${fn}:log-stream:*`);
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

  it('keeps the cursor key out of every function’s configuration, and lets listProjects alone read it', () => {
    for (const stage of ['prod', 'dev'] as const) {
      const own = templates[stage];
      for (const [id, fn] of resources('AWS::Lambda::Function', own)) {
        const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
        expect({ id, resolved: JSON.stringify(variables).includes('{{resolve:') }).toEqual({ id, resolved: false });
        expect({ id, value: variables.CURSOR_SECRET, where: variables.CURSOR_SECRET_ID }).toEqual({
          id,
          value: undefined,
          where: { Ref: 'CursorSecret' },
        });
      }
      const readers = Object.entries(own.Resources as Record<string, Template>)
        .filter(([, resource]) => resource.Type === 'AWS::IAM::Role')
        .flatMap(([id, role]) =>
          (role.Properties.Policies as Template[])
            .flatMap((policy) => policy.PolicyDocument.Statement as Template[])
            .filter((statement) => JSON.stringify(statement.Action).includes('secretsmanager:'))
            .map((statement) => ({ id, Action: statement.Action, Resource: statement.Resource })),
        );
      expect(readers).toEqual([
        { id: 'ListProjectsRole', Action: ['secretsmanager:GetSecretValue'], Resource: [{ Ref: 'CursorSecret' }] },
      ]);
    }
  });

  it('refuses to package production with CORS open to every origin, naming the parameter', async () => {
    const refused = await packageStage('prod', [], 'prod-any-origin').then(
      () => '',
      (error: { stdout: string; stderr: string }) => `${error.stdout}${error.stderr}`,
    );
    expect(refused).toContain("The prod stage cannot allow every origin (corsOrigin '*')");
    expect(refused).toContain('--param="corsOrigin=https://app.example.com"');
    const [[, api] = []] = resources('AWS::ApiGatewayV2::Api', templates.prod);
    expect(api?.Properties.CorsConfiguration).toMatchObject({ AllowOrigins: [APP_ORIGIN] });
    const [[, devApi] = []] = resources('AWS::ApiGatewayV2::Api', templates.dev);
    expect(devApi?.Properties.CorsConfiguration).toMatchObject({ AllowOrigins: ['*'] });
  });

  it('publishes no function versions, which nothing would run', () => {
    for (const stage of ['prod', 'dev'] as const) {
      expect(resources('AWS::Lambda::Version', templates[stage])).toEqual([]);
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

  it('lets a stage other than production be removed and deployed again: no retention, no deletion protection', () => {
    const [[, table] = []] = resources('AWS::DynamoDB::Table', templates.dev);
    expect(table).toMatchObject({
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
      Properties: {
        TableName: 'projects-api-dev-projects',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false },
        DeletionProtectionEnabled: false,
      },
    });
  });

  it('keeps production’s user pool, whose ids own the projects, and lets a dev stage’s go', () => {
    const [[, prod] = []] = resources('AWS::Cognito::UserPool', templates.prod);
    const [[, dev] = []] = resources('AWS::Cognito::UserPool', templates.dev);
    expect(prod).toMatchObject({ DeletionPolicy: 'Retain', Properties: { DeletionProtection: 'ACTIVE' } });
    expect(dev).toMatchObject({ DeletionPolicy: 'Delete', Properties: { DeletionProtection: 'INACTIVE' } });
  });

  it('lets the deployer sign a test user in with the admin flow, and opens no password flow to clients', () => {
    for (const stage of ['prod', 'dev'] as const) {
      const [[, client] = []] = resources('AWS::Cognito::UserPoolClient', templates[stage]);
      const flows = client?.Properties.ExplicitAuthFlows as string[];
      expect(flows).toEqual(expect.arrayContaining(['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']));
      expect(flows).not.toContain('ALLOW_USER_PASSWORD_AUTH');
      expect(templates[stage].Outputs).toMatchObject({ UserPoolId: {}, UserPoolClientId: {} });
    }
  });

  it('passes cfn-lint for both kinds of stage (the framework’s own W3005 aside)', async () => {
    const lint = await promisify(execFile)('cfn-lint', ['--version']).then(
      () => true,
      () => false,
    );
    if (!lint) {
      process.stderr.write('cfn-lint is not on the PATH (pip install cfn-lint): the templates were not linted\n');
      return;
    }
    for (const stage of ['prod', 'dev'] as const) {
      const file = join(out, stage, 'cloudformation-template-update-stack.json');
      const result = await promisify(execFile)('cfn-lint', ['--ignore-checks', 'W3005', '--', file]).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
      expect({ stage, ...result }).toEqual({ stage, code: 0, stdout: '' });
    }
  });

  it('runs as bundled: 201, 409, and an INTERNAL_ERROR whose logged stack names the .ts file and line (source maps)', async () => {
    const create = template.Resources.CreateProjectLambdaFunction as Template;
    // The map is read when an exception is logged, not by Node at every cold start.
    expect(create.Properties.Environment.Variables.NODE_OPTIONS).toBeUndefined();
    const files = readZip(join(out, 'prod', 'createProject.zip'));
    const bundleDir = join(out, 'bundle');
    for (const [name, content] of files) {
      mkdirSync(join(bundleDir, name, '..'), { recursive: true });
      writeFileSync(join(bundleDir, name), content);
    }
    expect([...files.keys()].sort()).toEqual(['functions/create-project.js', 'functions/create-project.js.map']);
    // A record under the key that no release wrote: reading it throws, an exception the code did not plan for.
    const owner = 'source-maps';
    const key = 'corrupt-record';
    const { digest } = idempotencyOf(key, 'createProject', { title: 'x' }) ?? { digest: '' };
    await table.doc.send(
      new PutCommand({
        TableName: table.name,
        Item: {
          ...recordKey(owner, digest),
          type: 'idempotency',
          fingerprint: 'x',
          response: '{not json',
          expiresAt: 4e9,
        },
      }),
    );
    // The bundle as Lambda runs it: a create, the same title again (a rejection through the
    // bundle's http-errors, whose depd is aliased to a no-op), and the corrupt record.
    const driver = `
      const { handler } = require(${JSON.stringify(join(bundleDir, 'functions', 'create-project.js'))});
      const event = (title, key) => ({
        version: '2.0', routeKey: 'POST /projects', rawPath: '/projects', rawQueryString: '',
        headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
        body: JSON.stringify({ title }), isBase64Encoded: false,
        requestContext: { requestId: 'r', http: { method: 'POST', path: '/projects' },
          authorizer: { jwt: { claims: { sub: ${JSON.stringify(owner)} } } } },
      });
      const context = { awsRequestId: 'r', getRemainingTimeInMillis: () => 10000 };
      (async () => {
        for (const [title, key] of [['Bundled'], ['BUNDLED'], ['x', ${JSON.stringify(key)}]]) {
          const result = await handler(event(title, key), context);
          const { code } = JSON.parse(result.body);
          process.stdout.write(JSON.stringify({ answer: result.statusCode, code }) + String.fromCharCode(10));
        }
      })();`;
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['-e', driver], {
      env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'INFO', POWERTOOLS_METRICS_DISABLED: 'true' },
    });
    const lines = `${stdout}${stderr}`
      .trim()
      .split('\n')
      .map(
        (line) => JSON.parse(line) as { answer?: number; code?: string; level?: string; error?: { stack?: string } },
      );
    expect(lines.filter((line) => line.answer !== undefined)).toEqual([
      { answer: 201 },
      { answer: 409, code: 'PROJECT_TITLE_CONFLICT' },
      { answer: 500, code: 'INTERNAL_ERROR' },
    ]);
    const logged = lines.find((line) => line.level === 'ERROR');
    expect(logged?.error?.stack).toMatch(/lib\/dynamodb\/records\.ts:\d+:\d+/);
    expect(logged?.error?.stack).not.toMatch(/create-project\.js:1:\d+/);
  });
});
