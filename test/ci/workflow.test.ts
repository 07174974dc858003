import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.js';

// The workflow an edition's repository copies, and the one `init` writes into a new edition (the same
// file: templates/edition/ once kept an older one, on Node 20, after this one moved on). The schema is
// SchemaStore's, beside the checkout (../shared/schemas/github-workflow); parsed as YAML 1.2, where
// `on:` is a key, not `true`.
const WORKFLOW = join(repoRoot, '.github', 'workflows', 'tei.yml');
const TEMPLATE = join(repoRoot, 'templates', 'edition', '.github', 'workflows', 'tei.yml');
const SCHEMA = join(repoRoot, '..', 'shared', 'schemas', 'github-workflow', 'github-workflow.json');
type Workflow = {
  on: Record<string, unknown>;
  jobs: Record<
    string,
    {
      permissions?: Record<string, string>;
      steps: {
        uses?: string;
        run?: string;
        if?: string;
        with?: Record<string, unknown>;
        'continue-on-error'?: boolean;
      }[];
    }
  >;
};

// The first major of each action whose runtime is Node 24 (`runs.using: node24` in its action.yml).
const NODE24_FROM: Record<string, number> = {
  'actions/checkout': 5,
  'actions/setup-node': 5,
  'actions/cache': 5,
  'github/codeql-action/upload-sarif': 4,
};

it("init writes the edition's workflow itself", () => {
  expect(readFileSync(TEMPLATE, 'utf8')).toBe(readFileSync(WORKFLOW, 'utf8'));
});

describe.each([
  ['.github/workflows/tei.yml', WORKFLOW],
  ['the workflow init writes', TEMPLATE],
])('%s', (_, file) => {
  const workflow = parse(readFileSync(file, 'utf8'), { version: '1.2' }) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);

  it.skipIf(!existsSync(SCHEMA))(
    `is valid against the GitHub workflow schema${existsSync(SCHEMA) ? '' : ` (skipped: ${SCHEMA} is absent; it is SchemaStore's github-workflow.json)`}`,
    () => {
      const ajv = new Ajv({ strict: false, allErrors: true });
      const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
      expect(validate(workflow) ? [] : validate.errors).toEqual([]);
    },
  );

  it('uses only actions on Node 24 and a maintained Node LTS', () => {
    const uses = steps.filter((s) => s.uses).map((s) => s.uses!);
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) {
      const [name = '', ref = ''] = u.split('@');
      expect(NODE24_FROM[name], `${name} is an action this test knows`).toBeDefined();
      expect(Number(/^v(\d+)$/.exec(ref)?.[1]), u).toBeGreaterThanOrEqual(NODE24_FROM[name]!);
    }
    const node = steps.find((s) => s.uses?.startsWith('actions/setup-node@'))!.with!['node-version'];
    // Even-numbered majors become LTS; 20 reached its end of life in April 2026.
    expect(Number(node) % 2).toBe(0);
    expect(Number(node)).toBeGreaterThanOrEqual(22);
  });

  it('cannot fail the job by uploading SARIF (forks, code scanning off)', () => {
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload['continue-on-error']).toBe(true);
    expect(upload.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    expect(Object.values(workflow.jobs).some((j) => j.permissions?.['security-events'] === 'write')).toBe(true);
  });

  it("keeps tei-pipeline's cache from run to run, restored before the first command that reads it", () => {
    const at = steps.findIndex((s) => s.uses?.startsWith('actions/cache@'));
    expect(at).toBeGreaterThan(-1);
    expect(String(steps[at]!.with!['path']).trim().split('\n')).toEqual([
      '.cache/tei-pipeline',
      'node_modules/.cache/tei-pipeline',
    ]);
    // After npm ci, which empties node_modules.
    expect(at).toBeGreaterThan(steps.findIndex((s) => s.run === 'npm ci'));
    // A key of its own each run (caches are immutable), found again by its prefix.
    expect(String(steps[at]!.with!['key'])).toContain('${{ github.sha }}');
    expect(String(steps[at]!.with!['key']).startsWith(String(steps[at]!.with!['restore-keys']))).toBe(true);
    const first = steps.findIndex((s) => s.run?.startsWith('npx tei-pipeline'));
    expect(at).toBeLessThan(first);
  });

  it('installs the tool as a dependency, validates, runs the edition’s tests and checks the outputs', () => {
    const runs = steps.filter((s) => s.run).map((s) => s.run!);
    expect(runs).toContain('npm ci');
    expect(runs.some((r) => r.startsWith('npx tei-pipeline validate --format github'))).toBe(true);
    expect(runs.some((r) => r.startsWith('npx tei-pipeline validate --format sarif'))).toBe(true);
    expect(runs).toContain('npm test --if-present');
    expect(runs.some((r) => r.startsWith('npx tei-pipeline check'))).toBe(true);
    // The tool comes from the edition's dependencies, never from a path into this repository.
    expect(runs.filter((r) => /bin\/tei-pipeline|node dist\//.test(r))).toEqual([]);
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
  });
});
