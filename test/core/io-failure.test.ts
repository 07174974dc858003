import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// A full disk, as Node reports it: the write of the temporary file fails with ENOSPC.
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    writeFile: async (file: string, data: string | Uint8Array) => {
      if (String(file).includes('full-disk')) {
        await real.writeFile(file, ''); // the temp file exists when the disk fills
        throw Object.assign(new Error(`ENOSPC: no space left on device, write`), {
          code: 'ENOSPC',
          syscall: 'write',
          errno: -28,
        });
      }
      return real.writeFile(file, data);
    },
  };
});

const { describeIoFailure, plainCause, WriteError } = await import('../../src/core/io-failure.js');
const { writeOutputs } = await import('../../src/pipeline/outputs.js');

describe('I/O failures', () => {
  it('a full disk names the output (not its temporary file) and says why in plain words, leaving no temporary file', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tei-pipeline-full-disk-')), 'out');
    const error = await writeOutputs(out, new Map([['cite/x.bib', '@article{x}']])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteError);
    expect((error as Error).message).toBe(
      `cannot write ${join(out, 'cite', 'x.bib')}: the disk is full (no space left on device)`,
    );
    expect(describeIoFailure(error, join(out, '..'))).toBe(
      'cannot write out/cite/x.bib: the disk is full (no space left on device)',
    );
    expect(readdirSync(join(out, 'cite'))).toEqual([]);
    expect(existsSync(join(out, 'cite', 'x.bib'))).toBe(false);
    rmSync(join(out, '..'), { recursive: true, force: true });
  });

  it('says each common cause in words, and keeps Node’s message (without its code) for the rest', () => {
    const err = (code: string, message = 'x') => Object.assign(new Error(message), { code });
    expect(plainCause(err('EACCES'))).toBe('permission denied');
    expect(plainCause(err('EROFS'))).toBe('the file system is read-only');
    expect(plainCause(err('EDQUOT'))).toBe('the disk quota is used up');
    expect(plainCause(err('EWHATEVER', "EWHATEVER: something odd, open '/x/y'"))).toBe('something odd');
    expect(
      describeIoFailure(Object.assign(err('EACCES'), { path: '/e/out/html/a.html', syscall: 'rename' }), '/e'),
    ).toBe('cannot write out/html/a.html: permission denied');
    expect(describeIoFailure(new Error('not an I/O failure'), '/e')).toBeNull();
  });
});
