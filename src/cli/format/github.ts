import type { Formatter } from './report.js';
import { summaryLine } from './human.js';

// Workflow-command escaping, as @actions/core does it.
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** GitHub Actions workflow commands: each diagnostic becomes an annotation on its line. */
export const github: Formatter = (report) => {
  let stdout = '';
  for (const d of report.diagnostics) {
    const props = [`file=${property(d.file)}`, `line=${d.line}`, `col=${d.column}`];
    if (d.endLine !== undefined) props.push(`endLine=${d.endLine}`);
    if (d.endColumn !== undefined) props.push(`endColumn=${d.endColumn}`);
    props.push(`title=${property(d.ruleId)}`);
    stdout += `::${COMMAND[d.severity]} ${props.join(',')}::${data(d.message)}\n`;
  }
  return { stdout: stdout + summaryLine(report.summary) + '\n', stderr: '' };
};
