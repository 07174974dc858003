import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { UsageError } from './usage.js';

export const FORMATS = ['human', 'json', 'github', 'junit', 'sarif'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface CliOptions {
  command: string;
  paths: string[];
  format: FormatName;
  out: string | undefined;
  schemas: string[];
  jobs: number;
  quiet: boolean;
  force: boolean;
  verify: string | undefined;
  help: boolean;
  version: boolean;
}

export function parseOptions(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        schema: { type: 'string', multiple: true },
        jobs: { type: 'string' },
        quiet: { type: 'boolean' },
        force: { type: 'boolean' },
        verify: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const format = (values.format ?? 'human') as FormatName;
  if (!FORMATS.includes(format))
    throw new UsageError(`Unexpected --format "${values.format}", expected one of ${FORMATS.join(', ')}`);
  const jobs = values.jobs === undefined ? cpus().length : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1)
    throw new UsageError(`Unexpected --jobs "${values.jobs}", expected a whole number ≥ 1`);
  return {
    command: positionals[0] ?? '',
    paths: positionals.slice(1),
    format,
    out: values.out,
    schemas: values.schema ?? [],
    jobs,
    quiet: values.quiet ?? false,
    force: values.force ?? false,
    verify: values.verify,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
