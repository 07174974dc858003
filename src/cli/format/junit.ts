import type { Formatter } from './report.js';

const esc = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** JUnit XML: one testsuite per file, one failing testcase per error (a clean file passes one case). */
export const junit: Formatter = (report) => {
  const files = [...new Set([...report.sources.keys(), ...report.diagnostics.map((d) => d.file)])].sort();
  let tests = 0;
  let failures = 0;
  const suites = files.map((file) => {
    const errors = report.diagnostics.filter((d) => d.file === file && d.severity === 'error');
    const cases = errors.length
      ? errors.map(
          (d) =>
            `    <testcase classname="${esc(file)}" name="${esc(`${d.ruleId} at ${d.line}:${d.column}`)}">\n` +
            `      <failure type="${esc(d.ruleId)}" message="${esc(d.message)}">${esc(`${d.file}:${d.line}:${d.column}: ${d.message}`)}</failure>\n` +
            `    </testcase>`,
        )
      : [`    <testcase classname="${esc(file)}" name="valid"/>`];
    tests += cases.length;
    failures += errors.length;
    return `  <testsuite name="${esc(file)}" tests="${cases.length}" failures="${errors.length}" errors="0">\n${cases.join('\n')}\n  </testsuite>\n`;
  });
  return {
    stdout: `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="tei-pipeline" tests="${tests}" failures="${failures}">\n${suites.join('')}</testsuites>\n`,
    stderr: '',
  };
};
