/**
 * The repository's machinery around the code, as a team adopting it gets it: the GitHub
 * workflows (linted by actionlint), the deploy role's template (linted by cfn-lint), strict
 * installs, the update proposals (Renovate) and the pre-commit hook (lefthook).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';

jest.setTimeout(60_000);

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);
const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');
// biome-ignore lint/suspicious/noExplicitAny: workflows and templates are arbitrary YAML
const yaml = (file: string): any => parse(text(file), { customTags: cloudFormationTags, logLevel: 'error' });
const packageJson = JSON.parse(text('package.json'));
/** A GitHub expression, `${{ … }}`, as a workflow spells it. */
const expression = (inside: string) => `\${{ ${inside} }}`;

/** CloudFormation's short forms (!Ref, !Sub, …), read as the long forms they stand for. */
const cloudFormationTags = ['Ref', 'Sub', 'GetAtt', 'If', 'Equals', 'Not', 'Join'].flatMap((name) => {
  const resolve = (value: unknown) => ({ [name === 'Ref' ? 'Ref' : `Fn::${name}`]: value });
  return [
    { tag: `!${name}`, resolve },
    { tag: `!${name}`, collection: 'seq' as const, resolve: (value: { toJSON(): unknown }) => resolve(value.toJSON()) },
  ];
}) as never;

/** actionlint (its WebAssembly build, no download) on the workflows matching `glob` under `cwd`. */
async function actionlint(cwd: string, glob: string) {
  const bin = join(ROOT, 'node_modules', '@tktco', 'node-actionlint', 'bin', 'node-actionlint.js');
  return run(process.execPath, [bin, glob], { cwd }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

describe('the GitHub workflows', () => {
  it('pass actionlint', async () => {
    const result = await actionlint(ROOT, '.github/workflows/*.yml');
    expect(result).toEqual({ code: 0, stdout: expect.stringContaining('passed') });
  });

  it('fail actionlint when a workflow is wrong (the lint can fail)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'projects-api-actionlint-'));
    try {
      mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
      const broken = text('.github/workflows/ci.yml').replace(expression('matrix.node'), expression('matrix.nodes'));
      writeFileSync(join(dir, '.github', 'workflows', 'ci.yml'), broken);
      const result = await actionlint(dir, '.github/workflows/*.yml');
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('property "nodes" is not defined');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('test every change with the README’s test command, on the Lambda runtime’s Node and the current LTS', () => {
    const ci = yaml('.github/workflows/ci.yml');
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push', 'workflow_call']);
    const { steps, strategy } = ci.jobs.test;
    expect(strategy.matrix.node).toEqual(['runtime', '24']);
    const setupNode = steps.find((step: { uses?: string }) => step.uses?.startsWith('actions/setup-node@'));
    expect(setupNode.with).toMatchObject({ 'node-version-file': expect.stringContaining('.nvmrc'), cache: 'npm' });
    expect(steps.find((step: { uses?: string }) => step.uses?.startsWith('actions/setup-java@')).with).toMatchObject({
      'java-version': '17',
    });
    const commands = steps.map((step: { run?: string }) => step.run).filter(Boolean);
    // The README's test command, from its block of the two commands.
    const [, readmeTest] = /\n(npm test)\s+#/.exec(text('README.md')) ?? [];
    expect(commands).toEqual(expect.arrayContaining(['npm ci', readmeTest]));
    expect(commands.some((command: string) => command.startsWith('pip install cfn-lint'))).toBe(true);
    // Each leg gets its own Node: .nvmrc's for "runtime", the matrix's version for the other.
    expect(setupNode.with['node-version']).toBe(expression("matrix.node != 'runtime' && matrix.node || ''"));
    expect(setupNode.with['node-version-file']).toBe(expression("matrix.node == 'runtime' && '.nvmrc' || ''"));
    expect(text('.nvmrc').trim()).toBe('22');
  });

  it('deploy after the tests, by OpenID Connect with no stored key, prod by hand behind its environment', () => {
    const deploy = yaml('.github/workflows/deploy.yml');
    expect(deploy.on.push.branches).toEqual(['main']);
    expect(deploy.on.workflow_dispatch.inputs.stage.options).toEqual(['dev', 'prod']);
    expect(deploy.jobs.test.uses).toBe('./.github/workflows/ci.yml');
    const job = deploy.jobs.deploy;
    expect(job.needs).toBe('test');
    expect(job.environment).toBe(expression("inputs.stage || 'dev'"));
    expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    const credentials = job.steps.find((step: { uses?: string }) =>
      step.uses?.startsWith('aws-actions/configure-aws-credentials@'),
    );
    expect(Object.keys(credentials.with).sort()).toEqual(['aws-region', 'role-session-name', 'role-to-assume']);
    expect(text('.github/workflows/deploy.yml')).not.toMatch(/aws-access-key-id|aws-secret-access-key|secrets\./);
    expect(job.steps.map((step: { run?: string }) => step.run ?? '').join('\n')).toContain(
      'npm run deploy -- --stage "$STAGE"',
    );
  });
});

describe('the deploy role (deploy/github-deploy-role.yml)', () => {
  const template = yaml('deploy/github-deploy-role.yml');
  const role = template.Resources.DeployRole.Properties;
  const statements = role.Policies.flatMap(
    (policy: { PolicyDocument: { Statement: unknown[] } }) => policy.PolicyDocument.Statement,
  ) as { Sid: string; Action: string | string[]; Resource: unknown; Condition?: unknown }[];

  it('passes cfn-lint', async () => {
    const lint = await run('cfn-lint', ['--version']).then(
      () => true,
      () => false,
    );
    if (!lint) {
      process.stderr.write('cfn-lint is not on the PATH (pip install cfn-lint): the deploy role was not linted\n');
      return;
    }
    const result = await run('cfn-lint', ['--', join(ROOT, 'deploy', 'github-deploy-role.yml')]).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(result).toEqual({ code: 0, stdout: '' });
  });

  it('trusts only GitHub’s tokens for sts, of the one environment of its stage', () => {
    expect(role.AssumeRolePolicyDocument.Statement).toEqual([
      expect.objectContaining({
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
            'token.actions.githubusercontent.com:sub': { 'Fn::Sub': `repo:\${GitHubRepository}:environment:\${Stage}` },
          },
        },
      }),
    ]);
  });

  it('cannot name itself or its own stack, and makes function roles only within their boundary', () => {
    expect(role.Path).toBe('/github-deploy/');
    for (const statement of statements) {
      for (const resource of [statement.Resource].flat().map((r) => JSON.stringify(r))) {
        expect(resource).not.toMatch(/github-deploy/);
        if (resource.includes(':role/')) expect(resource).toContain(`:role/\${Service}-\${Stage}-*`);
      }
    }
    const making = statements.filter((statement) =>
      [statement.Action].flat().some((action) => ['iam:CreateRole', 'iam:PutRolePolicy'].includes(action)),
    );
    expect(making).toEqual([
      expect.objectContaining({
        Action: ['iam:CreateRole', 'iam:PutRolePolicy'],
        Condition: { StringEquals: { 'iam:PermissionsBoundary': { Ref: 'FunctionRoleBoundary' } } },
      }),
    ]);
  });

  it('bounds the function roles by what resources/iam.js gives them, and nothing more', () => {
    const { permissions } = require('../../resources/iam.js') as {
      permissions: Record<string, { table?: string[]; index?: string[]; secret?: string }>;
    };
    const bounded = (
      template.Resources.FunctionRoleBoundary.Properties.PolicyDocument.Statement as { Action: string | string[] }[]
    )
      .flatMap((statement) => [statement.Action].flat())
      .sort();
    const given = new Set(['logs:CreateLogStream', 'logs:PutLogEvents']);
    for (const { table = [], index = [], secret } of Object.values(permissions)) {
      for (const action of [...table, ...index]) given.add(action);
      if (secret) given.add('secretsmanager:GetSecretValue');
    }
    expect(bounded).toEqual([...given].sort());
  });

  it('allows no wildcard action, names the service in every resource it can, and passes roles to Lambda alone', () => {
    for (const statement of statements) {
      const actions = [statement.Action].flat();
      for (const action of actions) expect(action).not.toMatch(/\*/);
      const resources = [statement.Resource].flat().map((resource) => JSON.stringify(resource));
      if (resources.includes('"*"')) {
        expect(['TemplatesAreNotResources', 'NoNameToScopeBy']).toContain(statement.Sid);
        continue;
      }
      for (const resource of resources) expect(resource).toMatch(/\$\{Service\}-\$\{Stage\}|CursorSecret-/);
    }
    const passRole = statements.filter((statement) => [statement.Action].flat().includes('iam:PassRole'));
    expect(passRole).toEqual([
      expect.objectContaining({ Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } }),
    ]);
  });
});

describe('the installs', () => {
  it('are strict: any peer dependency conflict stops npm ci', () => {
    const npmrc = text('.npmrc');
    expect(npmrc).toContain('strict-peer-deps=true');
    expect(npmrc).not.toContain('legacy-peer-deps');
  });

  it('install one framework, osls, where serverless-offline’s peer looks for it, and no v2 AWS SDK', () => {
    const lock = JSON.parse(text('package-lock.json')).packages as Record<string, { name?: string }>;
    expect(lock['node_modules/serverless']?.name).toBe('osls');
    expect(Object.keys(lock).filter((path) => /(^|\/)node_modules\/(osls|aws-sdk)$/.test(path))).toEqual([]);
    expect(Object.keys(lock).filter((path) => /(^|\/)node_modules\/serverless$/.test(path))).toEqual([
      'node_modules/serverless',
    ]);
  });

  it('pin every dependency to one version', () => {
    const all = { ...packageJson.dependencies, ...packageJson.devDependencies } as Record<string, string>;
    const ranges = Object.entries(all).filter(([, version]) => !/^(npm:[\w@/.-]+@)?\d+\.\d+\.\d+$/.test(version));
    expect(ranges).toEqual([]);
  });
});

describe('the update proposals (renovate.json)', () => {
  const renovate = JSON.parse(text('renovate.json'));
  const all = { ...packageJson.dependencies, ...packageJson.devDependencies } as Record<string, string>;
  // A dependency by its name, and an aliased one (serverless: npm:osls@…) by its package's name too.
  const dependencies = Object.entries(all).flatMap(([name, version]) => [
    name,
    ...(/^npm:(@?[^@]+)@/.exec(version)?.slice(1) ?? []),
  ]);
  const matches = (pattern: string, name: string) =>
    pattern.endsWith('/**') ? name.startsWith(pattern.slice(0, -2)) : name === pattern;

  it('keep the exact pins, and group each family that is released together', () => {
    expect(renovate.rangeStrategy).toBe('pin');
    const groups = renovate.packageRules.filter(
      (rule: { groupName?: string; matchManagers?: string[] }) => rule.groupName && !rule.matchManagers,
    );
    for (const { groupName, matchPackageNames } of groups as { groupName: string; matchPackageNames: string[] }[]) {
      for (const pattern of matchPackageNames) {
        expect({ groupName, pattern, used: dependencies.some((name) => matches(pattern, name)) }).toEqual({
          groupName,
          pattern,
          used: true,
        });
      }
    }
    const grouped = (name: string) =>
      groups.some((rule: { matchPackageNames: string[] }) => rule.matchPackageNames.some((p) => matches(p, name)));
    for (const family of [
      '@aws-sdk/client-dynamodb',
      '@middy/core',
      '@aws-lambda-powertools/logger',
      'jest',
      '@biomejs/biome',
    ]) {
      expect({ family, grouped: grouped(family) }).toEqual({ family, grouped: true });
    }
  });

  it('leave the framework and its plugins, which move together, to a person', () => {
    const rule = renovate.packageRules.find((r: { groupName?: string }) => r.groupName === 'Serverless Framework');
    expect(rule.dependencyDashboardApproval).toBe(true);
    expect(rule.matchPackageNames).toEqual(
      expect.arrayContaining(['serverless', 'serverless-offline', 'serverless-esbuild']),
    );
  });
});

describe('the pre-commit hook (lefthook.yml)', () => {
  it('checks the staged files with Biome and the types with tsc, and is installed by npm ci outside CI', () => {
    const jobs = yaml('lefthook.yml')['pre-commit'].jobs as { run: string }[];
    expect(jobs.map((job) => job.run)).toEqual([
      expect.stringMatching(/^npx biome check .*\{staged_files\}$/),
      expect.stringMatching(/^npx tsc --noEmit -p \. --incremental /),
    ]);
    expect(packageJson.devDependencies.lefthook).toBeDefined();
    // In a git clone, npm ci outside CI has installed it (lefthook's postinstall); in CI it has not.
    const hook = join(ROOT, '.git', 'hooks', 'pre-commit');
    if (!existsSync(join(ROOT, '.git'))) return;
    const installed = existsSync(hook) && readFileSync(hook, 'utf8').includes('lefthook');
    expect({ CI: Boolean(process.env.CI), installed }).toEqual({
      CI: Boolean(process.env.CI),
      installed: !process.env.CI,
    });
  });
});
