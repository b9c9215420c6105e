import { strict as assert } from 'node:assert';
import type { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser' with { 'resolution-mode': 'import' };
import { bicepParams, literal, params, propertyValue, readBicep } from '../helpers/bicep';
import { engineMajors, main, readRepoFile, readYaml } from '../helpers/infra';

interface Parser {
  parseWorkflow: typeof parseWorkflow;
  NoOperationTraceWriter: typeof NoOperationTraceWriter;
}

/**
 * GitHub's own workflow parser (@actions/workflow-parser, the one behind the Actions
 * language service), which checks a workflow against GitHub's workflow schema. It is an
 * ES module whose JSON imports Node loads only through tsx's loader.
 */
async function workflowErrors(file: string, content = readRepoFile(file)): Promise<string[]> {
  const { tsImport } = await import('tsx/esm/api');
  const parser = (await tsImport('@actions/workflow-parser', __filename)) as Parser;
  const result = parser.parseWorkflow({ name: file, content }, new parser.NoOperationTraceWriter());
  return result.context.errors.getErrors().map((error) => error.message);
}

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  permissions?: Record<string, string>;
  jobs: Record<string, { env?: Record<string, string>; strategy?: { matrix?: { node?: number[] } }; steps: Step[] }>;
}
const workflow = (file: string): Workflow => readYaml(file) as Workflow;
const stepsOf = (wf: Workflow): Step[] => Object.values(wf.jobs).flatMap((job) => job.steps);

describe('GitHub workflows (.github/workflows/)', () => {
  it('when each workflow is parsed against GitHub\'s workflow schema, then it has no errors, and a broken one has', async () => {
    for (const file of ['.github/workflows/ci.yml', '.github/workflows/deploy.yml']) assert.deepEqual(await workflowErrors(file), [], file);
    const broken = readRepoFile('.github/workflows/ci.yml').replace('runs-on:', 'runs_on:').replace('contents: read', 'contents: sometimes');
    assert.ok((await workflowErrors('broken.yml', broken)).length >= 2);
  });

  it('when CI runs, then it runs .ci/run on every Node major package.json supports', () => {
    const ci = workflow('.github/workflows/ci.yml');
    const [job] = Object.values(ci.jobs);
    assert.deepEqual(job?.strategy?.matrix?.node, engineMajors());
    assert.ok(stepsOf(ci).some((step) => step.run === 'bash .ci/run'));
    assert.ok(stepsOf(ci).some((step) => step.uses?.startsWith('actions/setup-node@') && step.with?.['node-version'] === '${{ matrix.node }}'));
  });

  it('when the deploy workflow signs in to Azure, then it uses OpenID Connect with ids from variables and no secret anywhere', () => {
    const deploy = workflow('.github/workflows/deploy.yml');
    assert.equal(deploy.permissions?.['id-token'], 'write');
    const login = stepsOf(deploy).find((step) => step.uses?.startsWith('azure/login@'));
    assert.deepEqual(Object.keys(login?.with ?? {}).sort(), ['client-id', 'subscription-id', 'tenant-id']);
    for (const value of Object.values(login?.with ?? {})) assert.match(String(value), /^\$\{\{ vars\.AZURE_\w+ \}\}$/);
    assert.doesNotMatch(readRepoFile('.github/workflows/deploy.yml'), /\$\{\{[^}]*secrets\./, 'no secrets');
  });

  it('when the deploy workflow provisions, then main.bicepparam gets every environment variable it reads, and the bundle goes up and /healthz is checked', () => {
    const deploy = workflow('.github/workflows/deploy.yml');
    const text = stepsOf(deploy).map((step) => step.run ?? '').join('\n');
    assert.match(text, /az deployment group create [^\n]*\n?[^\n]*--parameters infra\/main\.bicepparam/);
    const { params: set } = bicepParams('main.bicepparam');
    const read = [...set.values()].flatMap((value) => (value.environmentVariable ? [value.environmentVariable] : []));
    const given = Object.keys(Object.values(deploy.jobs)[0]?.env ?? {});
    assert.deepEqual(read.filter((name) => !given.includes(name)), []);
    assert.match(text, /az webapp deploy [^\n]*--src-path build\/bot\.zip --type zip/);
    const health = literal(propertyValue(readBicep('modules/app-service.bicep'), 'healthCheckPath') ?? '');
    assert.ok(text.includes(`https://$BOT_DOMAIN${health}`), health);
  });

  it('when the deploy workflow builds, then it uses the Node major App Service runs by default', () => {
    const deploy = workflow('.github/workflows/deploy.yml');
    const setup = stepsOf(deploy).find((step) => step.uses?.startsWith('actions/setup-node@'));
    const nodeVersion = literal(params(main).find((p) => p.name === 'nodeVersion')?.defaultValue ?? '');
    assert.equal(`NODE|${String(setup?.with?.['node-version'])}-lts`, nodeVersion);
  });
});
