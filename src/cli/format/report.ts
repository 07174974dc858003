import type { Diagnostic } from '../../core/diagnostic.js';

/** Everything a formatter may show about one run. */
export interface Report {
  diagnostics: Diagnostic[];
  summary: Summary;
  /** Source text by file, for code frames ('' when the run let it go). */
  sources: ReadonlyMap<string, string>;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Reference coverage per name element: how many carry a pointer to a register. */
  coverage: Record<string, { total: number; withRef: number }>;
  /** Each RELAX NG schema's verdict on the run's files ("tei_all: 17 valid, 3 invalid"). */
  schemas?: { schema: string; valid: number; invalid: number }[];
}

export interface FormatOptions {
  color: boolean;
  toolVersion: string;
  /** How a human reads a diagnostic's file: relative to the working directory (default: as it is). */
  shown?: (file: string) => string;
}

export type Formatter = (report: Report, options: FormatOptions) => { stdout: string; stderr: string };
