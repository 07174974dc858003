import { discover } from '../../core/project.js';
import { genericRules, Validator } from '../../validate/validator.js';
import type { CliOptions } from '../options.js';
import { editionFor } from '../edition.js';
import { printReport } from '../output.js';
import { makeReport } from '../report.js';
import { cliContext } from '../context.js';

/** `tei-pipeline validate [paths…]`: exit 0 clean, 1 errors in the documents. */
export async function validateCommand(options: CliOptions): Promise<number> {
  const project = editionFor(options, true);
  if (!project) return 1;
  const found = await discover(project, options.paths);
  const validator = await Validator.create(project, { schemas: options.schemas, schemaAlone: true });
  const docs = await validator.validate(found.files);
  validator.keepLearned();
  const report = makeReport(docs, found.diagnostics);
  report.summary.schemas = validator.verdicts;
  printReport(report, options, project.root);
  // Outside an edition nothing is configured: say what was checked, so a clean result is not over-read.
  if (!project.isEdition && options.format === 'human' && !options.quiet) {
    const schemas =
      options.schemas.length > 0
        ? options.schemas.map((s) => `RELAX NG ${s}`).join(', ')
        : 'no schema (give --schema FILE.rng)';
    cliContext().stdout.write(
      `no edition here (no tei-pipeline.config.json): checked well-formedness, the TEI root, ${schemas} and the rules ${genericRules().join(', ')}\n`,
    );
  }
  return report.summary.errors > 0 ? 1 : 0;
}
