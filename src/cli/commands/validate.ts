import { discover, openProject } from '../../core/project.js';
import { Validator } from '../../validate/validator.js';
import type { CliOptions } from '../options.js';
import { printReport } from '../output.js';
import { makeReport } from '../report.js';

/** `tei-pipeline validate [paths…]`: exit 0 clean, 1 errors in the documents. */
export async function validateCommand(options: CliOptions): Promise<number> {
  const project = openProject(process.cwd(), options.out);
  const found = await discover(project, options.paths);
  const validator = await Validator.create(project, { schemas: options.schemas, schemaAlone: true });
  const docs = await validator.validate(found.files);
  const report = makeReport(docs, found.diagnostics);
  report.summary.schemas = validator.verdicts;
  printReport(report, options);
  return report.summary.errors > 0 ? 1 : 0;
}
