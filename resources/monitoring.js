// What watches a deployed stage: an SNS topic that every alarm notifies (and an address
// subscribed to it, with --param="alarmEmail=…"), the alarms, and a CloudWatch dashboard.
// Every metric read here is the stage's own: its functions, its HTTP API, its table, and the
// namespace its functions publish to (POWERTOOLS_METRICS_NAMESPACE). Included by
// serverless.yml as ${file(./resources/monitoring.js)}; docs/operations.md is the runbook,
// test/e2e/package.test.ts checks the wiring.

const { capitalized, permissions } = require('./iam.js');

/** The functions of the service, by the name serverless.yml gives them. */
const functions = Object.keys(permissions);

/** The operations the functions send to the table (resources/iam.js), for its system errors. */
const TABLE_OPERATIONS = ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'TransactWriteItems'];

/** A metric math alarm reads at most 10 metrics (a hard limit of CloudWatch). */
const MAX_ALARM_METRICS = 10;

/** The logical id the framework gives a function. */
const lambdaId = (fn) => `${capitalized(fn)}LambdaFunction`;
const chunks = (items, size) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/** One minute's sum of each metric, added up: one alarm over several metrics. */
function summed(metrics) {
  return [
    ...metrics.map(({ namespace, name, dimensions }, i) => ({
      Id: `m${i}`,
      ReturnData: false,
      MetricStat: {
        Metric: {
          Namespace: namespace,
          MetricName: name,
          Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })),
        },
        Period: 60,
        Stat: 'Sum',
      },
    })),
    { Id: 'total', Expression: 'SUM(FILL(METRICS(), 0))', Label: 'Sum over the metrics', ReturnData: true },
  ];
}

module.exports = async ({ resolveVariable }) => {
  const service = await resolveVariable('self:service');
  const stage = await resolveVariable('sls:stage');
  const namespace = await resolveVariable('self:provider.environment.POWERTOOLS_METRICS_NAMESPACE');
  const alarmEmail = await resolveVariable('param:alarmEmail');
  const threshold = async (name) => {
    const value = await resolveVariable(`param:${name}`);
    if (!/^[1-9]\d*$/.test(String(value)))
      throw new Error(`The ${name} parameter must be a whole number of at least 1, not "${value}"`);
    return Number(value);
  };

  const prefix = `${service}-${stage}`;
  // Ref of a function is its name, the dimension of its metrics.
  const functionName = (fn) => ({ Ref: lambdaId(fn) });
  const topic = [{ Ref: 'AlarmTopic' }];
  const table = { Ref: 'ProjectsTable' };
  const api = { Ref: 'HttpApi' };

  /** An alarm of the stage: N or more in one minute, notifying the topic on ALARM and on OK. */
  const alarm = (name, description, count, metric) => ({
    Type: 'AWS::CloudWatch::Alarm',
    Properties: {
      AlarmName: `${prefix}-${name}`,
      AlarmDescription: `${description} Runbook: docs/operations.md#${name}`,
      ...metric,
      EvaluationPeriods: 1,
      Threshold: count,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: topic,
      OKActions: topic,
    },
  });
  const single = (namespaceOf, name, dimensions) => ({
    Namespace: namespaceOf,
    MetricName: name,
    Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })),
    Statistic: 'Sum',
    Period: 60,
  });

  const Resources = {
    AlarmTopic: {
      Type: 'AWS::SNS::Topic',
      Properties: { TopicName: `${prefix}-alarms`, DisplayName: `${prefix} alarms` },
    },
    UnexpectedErrorsAlarm: alarm(
      'unexpected-errors',
      'A function answered 500 INTERNAL_ERROR: an exception the code did not expect. Find its ERROR log line by the requestId.',
      await threshold('unexpectedErrorsAlarmThreshold'),
      single(namespace, 'UnexpectedErrors', { service }),
    ),
    ApiServerErrorsAlarm: alarm(
      'api-server-errors',
      'The HTTP API answered 5xx: a function failed, timed out or was throttled, or DynamoDB was unavailable (503).',
      await threshold('apiServerErrorsAlarmThreshold'),
      single('AWS/ApiGateway', '5xx', { ApiId: api }),
    ),
    TableThrottlesAlarm: alarm(
      'table-throttles',
      'DynamoDB throttled reads or writes of the table or its index; the SDK retries them, and a client gets a 503 when the retries run out.',
      await threshold('tableThrottlesAlarmThreshold'),
      {
        Metrics: summed(
          ['ReadThrottleEvents', 'WriteThrottleEvents'].flatMap((name) => [
            { namespace: 'AWS/DynamoDB', name, dimensions: { TableName: table } },
            { namespace: 'AWS/DynamoDB', name, dimensions: { TableName: table, GlobalSecondaryIndexName: 'gsi1' } },
          ]),
        ),
      },
    ),
    TableSystemErrorsAlarm: alarm(
      'table-system-errors',
      'DynamoDB answered requests of the functions with a 500 of its own.',
      await threshold('tableSystemErrorsAlarmThreshold'),
      {
        Metrics: summed(
          TABLE_OPERATIONS.map((Operation) => ({
            namespace: 'AWS/DynamoDB',
            name: 'SystemErrors',
            dimensions: { TableName: table, Operation },
          })),
        ),
      },
    ),
  };

  // Lambda's own counts, for what emits no metric of ours: a crash at start, running out of
  // memory, a timeout; and invocations refused for want of concurrency.
  for (const [name, metric, description, param] of [
    [
      'function-errors',
      'Errors',
      'A function failed outside its own error handling: a crash at start, out of memory, or a timeout.',
      'functionErrorsAlarmThreshold',
    ],
    [
      'function-throttles',
      'Throttles',
      'Lambda refused to run a function for want of concurrency; the client got a 5xx from the HTTP API.',
      'functionThrottlesAlarmThreshold',
    ],
  ]) {
    const count = await threshold(param);
    chunks(functions, MAX_ALARM_METRICS).forEach((group, i) => {
      const suffix = i === 0 ? '' : `-${i + 1}`;
      const logicalId = `${name.split('-').map(capitalized).join('')}${suffix.replace('-', '')}Alarm`;
      Resources[logicalId] = alarm(`${name}${suffix}`, description, count, {
        Metrics: summed(
          group.map((fn) => ({
            namespace: 'AWS/Lambda',
            name: metric,
            dimensions: { FunctionName: functionName(fn) },
          })),
        ),
      });
    });
  }

  if (alarmEmail) {
    Resources.AlarmEmailSubscription = {
      Type: 'AWS::SNS::Subscription',
      Properties: { TopicArn: { Ref: 'AlarmTopic' }, Protocol: 'email', Endpoint: alarmEmail },
    };
  }

  const alarms = Object.keys(Resources).filter((id) => id.endsWith('Alarm'));
  Resources.Dashboard = require('./dashboard.js')({ prefix, service, namespace, functions, alarms, lambdaId });
  return { Resources, Outputs: { AlarmTopicArn: { Value: { Ref: 'AlarmTopic' } } } };
};

module.exports.functions = functions;
module.exports.lambdaId = lambdaId;
