import { ruleCatalogue } from '../../rules/catalogue.js';
import type { Formatter } from './report.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** SARIF 2.1.0 for GitHub code scanning: one run, the rules that fired, one result per diagnostic. */
export const sarif: Formatter = (report, { toolVersion }) => {
  const ids = [...new Set(report.diagnostics.map((d) => d.ruleId))].sort();
  const catalogue = new Map(ruleCatalogue().map((r) => [r.id, r]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tei-pipeline',
            version: toolVersion,
            rules: ids.map((id) => ({
              id,
              shortDescription: { text: catalogue.get(id)?.docs ?? id },
              defaultConfiguration: { level: LEVEL[catalogue.get(id)?.severity ?? 'error'] },
            })),
          },
        },
        results: report.diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ruleIndex: ids.indexOf(d.ruleId),
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.file, uriBaseId: '%SRCROOT%' },
                region: {
                  startLine: d.line,
                  startColumn: d.column,
                  ...(d.endLine !== undefined ? { endLine: d.endLine } : {}),
                  ...(d.endColumn !== undefined ? { endColumn: d.endColumn } : {}),
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return { stdout: JSON.stringify(log, null, 2) + '\n', stderr: '' };
};
