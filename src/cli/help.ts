import { USAGE, UsageError } from './usage.js';

/** `tei-pipeline help COMMAND` and `tei-pipeline COMMAND --help`: what one command does, in full. */
export const COMMAND_HELP: Record<string, string> = {
  validate: `Usage: tei-pipeline validate [paths…] [--format F] [--schema FILE.rng…]

Checks each document: bytes and well-formedness, root and namespace, the project RELAX NG schema
(and every --schema), Schematron, and the rules. Paths are files or folders searched for *.xml;
the default is tei/. Diagnostics go to stderr as file:line:column, the summary to stdout.

Exit codes: 0 no errors (warnings allowed) · 1 errors in the documents · 2 usage or internal failure

Example: tei-pipeline validate tei/dobrynin-vance-1977-02-26.xml --schema ../shared/tei/tei_all.rng`,
  build: `Usage: tei-pipeline build [paths…] [--out DIR] [--force] [--jobs N] [--quiet]

Validates the whole edition, then writes out/html, out/text and out/cite for the documents that
validate; a document with errors keeps its last good outputs. Only what changed since the last
build is validated and rendered again (the build cache in .cache/tei-pipeline/; --force ignores it).
With paths, only those documents' outputs are rewritten. On a terminal it shows what it is doing
(compiling stylesheets, validating, rendering) on stderr; it ends with what it wrote and how long it
took. A cache that cannot be written is a warning; an output that cannot be written is one line
naming it, exit 2.

Exit codes: 0 no errors · 1 errors in the documents · 2 usage error, or an output could not be written`,
  check: `Usage: tei-pipeline check [--format F]

Validates and builds everything afresh in memory (the build cache is not read) and compares the
result with the committed out/. A missing, different or left-over output is a build/stale error at
the first line that differs; in human format each stale file is followed by a short unified diff
(--- committed, +++ fresh build). Run it in CI so committed outputs never go stale; fix with
"npm run build" and commit out/.

Exit codes: 0 out/ is current · 1 errors or stale outputs · 2 usage or internal failure`,
  watch: `Usage: tei-pipeline watch [--out DIR] [--schema FILE.rng…]

Builds, then serves all of out/ on http://127.0.0.1:8080/ (TEI_PIPELINE_PORT to change it; any free
port if taken), the reading edition at /html/, and rebuilds on every save: in place, by rename
(vim, VS Code, oXygen, sed -i), delete-and-create, new files; registers, schemas and stylesheets
too. Editors' swap and backup files are ignored. Open pages reload by themselves; a save that does
not validate shows its diagnostics in the page over the last good text. Ctrl-C ends it.`,
  deposit: `Usage: tei-pipeline deposit [id…] [--out DIR]
       tei-pipeline deposit --verify PATH

Validates and renders the whole edition afresh, then writes for each document named (default:
every document of tei/) a BagIt 1.0 bag out/deposit/<id>/ and its zip out/deposit/<id>.zip, with
metadata for Zenodo, DataCite, Dublin Core and correspSearch. A document with errors, or whose
header lacks what the metadata need, is refused and nothing is written.
With --verify, checks a bag folder or zip instead: every checksum, missing and extra files,
Payload-Oxum.

Exit codes: 0 deposited / verified · 1 refused or not valid · 2 usage or internal failure`,
  help: `Usage: tei-pipeline help [COMMAND]

Without a command, lists the commands and options; with one, explains that command.`,
};

/** The help text for `help [COMMAND]`; an unknown command is a usage error. */
export function helpText(command: string | undefined): string {
  if (!command) return USAGE;
  const text = COMMAND_HELP[command];
  if (!text)
    throw new UsageError(
      `Unexpected command "${command}" after help, expected one of ${Object.keys(COMMAND_HELP).join(', ')}`,
    );
  return text;
}
