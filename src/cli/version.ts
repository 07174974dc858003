import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir } from '../core/project.js';

let version: string | undefined;

export function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
