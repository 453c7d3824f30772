// One IAM role per function, each with only the DynamoDB actions that function uses, on the
// table (or its gsi1 index) alone, the one secret it reads, and logs on its own log group alone. Included by
// serverless.yml as ${file(./resources/iam.js)}; test/e2e/package.test.ts checks the result.

/**
 * What each function does to the table (TransactWriteItems is authorized per item), and the
 * secret it reads at run time, by its logical id.
 */
const permissions = {
  createProject: { table: ['dynamodb:PutItem'] },
  createProjectsBatch: {
    table: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem', 'dynamodb:GetItem'],
  },
  listProjects: { index: ['dynamodb:Query'], secret: 'CursorSecret' },
  getProject: { table: ['dynamodb:GetItem'] },
  updateProject: { table: ['dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem'] },
  deleteProject: { table: ['dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'] },
  restoreProject: { table: ['dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:PutItem'] },
  getOpenApi: {},
  getDocs: {},
  routeNotFound: {},
};

const capitalized = (name) => name.charAt(0).toUpperCase() + name.slice(1);

/** The logical id of a function's role, as `role:` in serverless.yml names it. */
const roleName = (fn) => `${capitalized(fn)}Role`;

module.exports = async ({ resolveVariable }) => {
  const service = await resolveVariable('self:service');
  const stage = await resolveVariable('sls:stage');
  // Set by the pipeline: the boundary deploy/github-deploy-role.yml requires of every role it makes.
  const boundary = await resolveVariable('param:permissionsBoundary');
  const tableArn = { 'Fn::GetAtt': ['ProjectsTable', 'Arn'] };
  const Resources = {};
  for (const [fn, { table, index, secret }] of Object.entries(permissions)) {
    const logGroup = `/aws/lambda/${service}-${stage}-${fn}`;
    const statements = [
      {
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        // Lambda names its log streams itself: the stream is the one part that is open.
        Resource: [
          {
            'Fn::Sub': `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:${logGroup}:log-stream:*`,
          },
        ],
      },
    ];
    if (table) statements.push({ Effect: 'Allow', Action: table, Resource: [tableArn] });
    if (index) {
      statements.push({
        Effect: 'Allow',
        Action: index,
        Resource: [{ 'Fn::Join': ['/', [tableArn, 'index', 'gsi1']] }],
      });
    }
    if (secret) {
      // Ref of a secret is its ARN: this one secret, every version of it (the current and the
      // previous one verify cursors).
      statements.push({ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [{ Ref: secret }] });
    }
    Resources[roleName(fn)] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] },
          ],
        },
        ...(boundary ? { PermissionsBoundary: boundary } : {}),
        Policies: [
          { PolicyName: `${fn}-least-privilege`, PolicyDocument: { Version: '2012-10-17', Statement: statements } },
        ],
      },
    };
  }
  return { Resources };
};

module.exports.permissions = permissions;
module.exports.roleName = roleName;
module.exports.capitalized = capitalized;
