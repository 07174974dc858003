import type { Formatter } from './report.js';

/** {"diagnostics":[…], "summary":{…}} on stdout, for scripts. */
export const json: Formatter = (report) => ({
  stdout: JSON.stringify({ diagnostics: report.diagnostics, summary: report.summary }, null, 2) + '\n',
  stderr: '',
});
