// The stage's CloudWatch dashboard, `<service>-<stage>`: what an operator opens first.
// Top to bottom: the alarms; requests and answers by status; answers by error code; latency
// per route (p50/p99, from the access log, and each route's function); Lambda errors and
// throttles; the table's capacity, throttles, system errors and latency per operation; the last
// refused or failed requests from the access log. Built by resources/monitoring.js.

const WIDTH = 24;

/** What Fn::Sub replaces with a resource's name or id (or a pseudo parameter's value). */
const sub = (name) => `\${${name}}`;

/** The dashboard's body: JSON in which `${…}` names the stage's resources (Fn::Sub). */
function body({ prefix, service, namespace, functions, alarms, lambdaId }) {
  const region = sub('AWS::Region');
  const api = sub('HttpApi');
  const accessLog = `/aws/http-api/${prefix}`;
  const lambda = (metric, stat) =>
    functions.map((fn) => ['AWS/Lambda', metric, 'FunctionName', sub(lambdaId(fn)), { stat, label: `${fn} ${stat}` }]);
  const table = (metric, extra = []) => ['AWS/DynamoDB', metric, 'TableName', sub('ProjectsTable'), ...extra];
  const graph = (title, metrics, extra = {}) => ({
    type: 'metric',
    width: WIDTH / 2,
    height: 6,
    properties: { title, region, view: 'timeSeries', period: 60, stat: 'Sum', metrics, ...extra },
  });
  const logs = (title, query, width = WIDTH) => ({
    type: 'log',
    width,
    height: 6,
    properties: { title, region, view: 'table', query: `SOURCE '${accessLog}' | ${query}` },
  });

  const widgets = [
    {
      type: 'alarm',
      width: WIDTH,
      height: 3,
      properties: { title: 'Alarms (docs/operations.md)', alarms: alarms.map((id) => sub(`${id}.Arn`)) },
    },
    graph('Requests, and answers by status (HTTP API)', [
      ['AWS/ApiGateway', 'Count', 'ApiId', api, { label: 'requests' }],
      ['AWS/ApiGateway', '4xx', 'ApiId', api, { label: '4xx' }],
      ['AWS/ApiGateway', '5xx', 'ApiId', api, { label: '5xx' }],
    ]),
    graph('Answers of the functions by route and code (OK for a success)', [
      [
        {
          expression: `SEARCH('{"${namespace}",code,route,service} MetricName="Requests" service="${service}"', 'Sum', 60)`,
          id: 'answers',
          label: '',
        },
      ],
      [namespace, 'UnexpectedErrors', 'service', service, { label: 'unexpected errors (500)' }],
    ]),
    logs(
      'Latency per route as clients saw it, ms (access log)',
      'filter ispresent(routeKey) | stats count(*) as requests, pct(responseLatency, 50) as p50, pct(responseLatency, 99) as p99 by routeKey | sort requests desc',
      WIDTH / 2,
    ),
    graph(
      'Duration of each route’s function, p50 and p99, ms',
      [...lambda('Duration', 'p50'), ...lambda('Duration', 'p99')],
      {
        stat: 'p50',
      },
    ),
    graph('Lambda errors and throttles by function', [...lambda('Errors', 'Sum'), ...lambda('Throttles', 'Sum')]),
    graph('HTTP API latency, p50 and p99, ms', [
      ['AWS/ApiGateway', 'Latency', 'ApiId', api, { stat: 'p50', label: 'latency p50' }],
      ['AWS/ApiGateway', 'Latency', 'ApiId', api, { stat: 'p99', label: 'latency p99' }],
      ['AWS/ApiGateway', 'IntegrationLatency', 'ApiId', api, { stat: 'p99', label: 'integration p99' }],
    ]),
    graph('DynamoDB consumed capacity (units a minute)', [
      table('ConsumedReadCapacityUnits', [{ label: 'read units' }]),
      table('ConsumedWriteCapacityUnits', [{ label: 'write units' }]),
      table('ConsumedReadCapacityUnits', ['GlobalSecondaryIndexName', 'gsi1', { label: 'gsi1 read units' }]),
      table('ConsumedWriteCapacityUnits', ['GlobalSecondaryIndexName', 'gsi1', { label: 'gsi1 write units' }]),
    ]),
    graph('DynamoDB throttled and failed requests', [
      table('ReadThrottleEvents', [{ label: 'read throttles' }]),
      table('WriteThrottleEvents', [{ label: 'write throttles' }]),
      table('ReadThrottleEvents', ['GlobalSecondaryIndexName', 'gsi1', { label: 'gsi1 read throttles' }]),
      table('WriteThrottleEvents', ['GlobalSecondaryIndexName', 'gsi1', { label: 'gsi1 write throttles' }]),
      [
        {
          expression: `SEARCH('{AWS/DynamoDB,Operation,TableName} MetricName="SystemErrors" TableName="\${ProjectsTable}"', 'Sum', 60)`,
          id: 'system',
          label: 'system errors',
        },
      ],
    ]),
    graph('DynamoDB latency per operation, ms', [
      [
        {
          expression: `SEARCH('{AWS/DynamoDB,Operation,TableName} MetricName="SuccessfulRequestLatency" TableName="\${ProjectsTable}"', 'Average', 60)`,
          id: 'latency',
          label: '',
        },
      ],
    ]),
    logs(
      'The last refused or failed requests (access log)',
      'fields @timestamp, status, routeKey, errorType, authorizerError, integrationError, requestId, apigwRequestId | filter status >= 400 | sort @timestamp desc | limit 50',
    ),
  ];

  // Two columns: each widget where the one before it left off.
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const widget of widgets) {
    if (x + widget.width > WIDTH) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    Object.assign(widget, { x, y });
    x += widget.width;
    rowHeight = Math.max(rowHeight, widget.height);
  }
  return JSON.stringify({ widgets });
}

module.exports = (stage) => ({
  Type: 'AWS::CloudWatch::Dashboard',
  Properties: {
    DashboardName: stage.prefix,
    DashboardBody: { 'Fn::Sub': body(stage) },
  },
});
