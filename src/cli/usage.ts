export class UsageError extends Error {}

export const USAGE = `Usage: tei-pipeline <command> [options] [paths…]

Commands:
  validate [paths…]   well-formedness, schema, rules; default path tei/
  build    [paths…]   validate, then write out/ (documents that fail keep their last good outputs)
  check               validate + build in memory + compare with the committed out/ (stale -> exit 1)
  watch               rebuild on every save, serve out/ on 127.0.0.1 with live reload
                      (port 8080, or TEI_PIPELINE_PORT; any free port if taken)
  deposit  [id…]      BagIt bag + zip per document (all of tei/ by default) into out/deposit/
  deposit --verify PATH   check a bag folder or zip: every checksum, missing and extra files
  init [DIR] [--schema FILE.rng]   a new edition that builds at once (with --schema: for TEI
                      from elsewhere, e.g. tei_all.rng: no Schematron, files need not be named by id)
  new letter|record ID   a new document tei/ID.xml from a template
  help [COMMAND]      this text, or what one command does in full

Run inside an edition: its root is the nearest folder, going up, with tei-pipeline.config.json
(or a tei/ folder). Outside any edition, validate FILES checks well-formedness, --schema and the
generic rules.

Options:
  --format human|json|github|junit|sarif   how diagnostics are printed (default human)
  --out DIR            output folder (default out/)
  --schema FILE.rng    also validate against this RELAX NG schema (repeatable), e.g. tei_all.rng
  --jobs N             threads that render (default: number of cores)
  --verify PATH        with deposit: verify a bag folder or .zip instead of depositing
  --force              ignore the build cache: validate and render everything
  --quiet              print diagnostics only, no summary or progress
  --help               this text
  --version            the version

Exit codes: 0 no errors · 1 errors in the documents · 2 usage error, an output that cannot be
written, or an internal failure`;
