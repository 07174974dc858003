import { compareDiagnostics, countBySeverity, type Diagnostic } from '../core/diagnostic.js';
import type { SourceDocument } from '../core/document.js';
import type { Report } from './format/report.js';

/** Gather a run's documents and loose diagnostics into what formatters print. */
export function makeReport(docs: readonly SourceDocument[], extra: readonly Diagnostic[] = []): Report {
  const diagnostics = [...extra, ...docs.flatMap((d) => d.diagnostics)].sort(compareDiagnostics);
  const counts = countBySeverity(diagnostics);
  const quoted = new Set(diagnostics.map((d) => d.file));
  const coverage: Report['summary']['coverage'] = {};
  for (const doc of docs) {
    for (const [name, c] of Object.entries(doc.coverage)) {
      const sum = (coverage[name] ??= { total: 0, withRef: 0 });
      sum.total += c.total;
      sum.withRef += c.withRef;
    }
  }
  return {
    diagnostics,
    summary: { files: docs.length, errors: counts.error, warnings: counts.warning, infos: counts.info, coverage },
    // Only a file with a diagnostic has a line to quote: no other text is read (an unchanged document's is
    // read only when asked for), and a document whose text a build let go has none ('').
    sources: new Map(docs.map((d) => [d.file, d.released || !quoted.has(d.file) ? '' : d.text])),
  };
}
