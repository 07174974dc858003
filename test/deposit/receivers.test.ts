import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { openProject } from '../../src/core/project.js';
import { depositEdition, type DepositRun } from '../../src/deposit/deposit-edition.js';
import { repoRoot, tempProject } from '../support/cli.js';
import {
  haveJing,
  havePython,
  haveSchemas,
  haveXmllint,
  jsonSchema,
  noSchemas,
  relaxNgErrors,
  schemasDir,
  schematronFindings,
} from '../support/official-schemas.js';
import { filesUnder, recordText, RECORD_ID, xml } from './support.js';

// A two-document edition whose configuration gives what an archive's receivers need (a public base URL,
// editors with an ORCID iD, a publisher), whose registers carry authority identifiers, deposited in
// process: every file of both bags is checked against its receiver's own schema or validator.
const BASE = 'https://edition.example.org/dv/';
const SECOND = 'second-record';
// Authority identifiers for the test only: made-up numbers, not these persons' or places' real ones.
const registers = (name: string, text: string) => {
  if (name === 'persons')
    return text
      .replace(
        /(<person xml:id="brezhnev">(?:\s*<persName[^>]*>[^<]*<\/persName>)+)/,
        '$1\n          <idno type="VIAF">0000001</idno>\n          <idno type="wikidata">Q0000001</idno>',
      )
      .replace(
        /(<person xml:id="carter">(?:\s*<persName[^>]*>[^<]*<\/persName>)+)/,
        '$1\n          <idno type="GND">0000001-0</idno>',
      );
  if (name === 'places')
    return text.replace(
      /(<place xml:id="moscow"[^>]*>(?:\s*<placeName[^>]*>[^<]*<\/placeName>)+)/,
      '$1\n          <idno type="GeoNames">https://sws.geonames.org/0000001/</idno>',
    );
  return text;
};
// The letter is sent from Moscow in this copy, so that a place gets its @ref too.
const record = recordText.replace(
  /(<correspAction type="sent">\s*<persName ref="per:brezhnev">[^<]*<\/persName>)/,
  '$1\n          <placeName ref="pla:moscow">Moscow</placeName>',
);
const second = recordText
  .replaceAll(`xml:id="${RECORD_ID}"`, `xml:id="${SECOND}"`)
  .replace(`<idno type="local">${RECORD_ID}</idno>`, `<idno type="local">${SECOND}</idno>`);

let root: string;
let run: DepositRun;
const bag = (id: string) => join(root, 'out', 'deposit', id);
const read = (id: string, path: string) => readFileSync(join(bag(id), path), 'utf8');

beforeAll(async () => {
  const files: Record<string, string> = { [`tei/${RECORD_ID}.xml`]: record, [`tei/${SECOND}.xml`]: second };
  for (const r of ['persons', 'places', 'orgs'])
    files[`tei/register/${r}.xml`] = registers(r, readFileSync(join(repoRoot, 'tei', 'register', `${r}.xml`), 'utf8'));
  root = tempProject(files);
  const project = openProject(root);
  project.edition = {
    title: 'Soviet–American Correspondence, 1977',
    baseUrl: BASE,
    publisher: { name: 'Example University Library', type: 'Organizational' },
    editors: [
      { name: 'Doe, Jane', orcid: 'https://orcid.org/0000-0002-1825-0097' },
      { name: 'Edition team', type: 'Organizational' },
    ],
  };
  run = await depositEdition(project, { ids: [], schemas: [], jobs: 1, agent: 'tei-pipeline test' });
}, 300_000);

describe("deposits accepted at the archive's door", () => {
  it('deposits both documents, with no errors or warnings (the authority identifiers resolve, the registers validate)', () => {
    const problems = [...run.diagnostics, ...run.files.flatMap((f) => f.diagnostics)].filter(
      (d) => d.severity !== 'info',
    );
    expect(problems).toEqual([]);
    expect(run.lines.filter((l) => l.startsWith('wrote '))).toHaveLength(4);
    // No DOI yet: DataCite's record is left to the archive that mints it, and an info says so.
    expect(run.files.flatMap((f) => f.diagnostics).map((d) => d.ruleId)).toEqual(['deposit/no-doi', 'deposit/no-doi']);
    for (const id of [RECORD_ID, SECOND]) expect(existsSync(join(bag(id), 'metadata', 'datacite.xml'))).toBe(false);
  });

  describe.skipIf(!haveSchemas)(
    haveSchemas ? "against the receivers' schemas" : `against the receivers' schemas — ${noSchemas}`,
    () => {
      it.skipIf(!haveJing && !haveXmllint)(
        `cmif.xml is valid CMIF: the RELAX NG (${haveJing ? 'jing' : 'xmllint'}) and the Schematron of the TEI Correspondence SIG`,
        async () => {
          for (const id of [RECORD_ID, SECOND]) {
            const cmif = read(id, 'metadata/cmif.xml');
            expect(relaxNgErrors(join(schemasDir, 'cmif', 'cmi-customization.rng'), cmif)).toEqual([]);
            expect(await schematronFindings(join(schemasDir, 'cmif', 'cmif.sch'), cmif)).toEqual([]);
          }
        },
      );

      it('every CSL-JSON and CITATION.cff in the bags is valid against the official schemas', () => {
        for (const id of [RECORD_ID, SECOND]) {
          expect(jsonSchema('csl-data')(JSON.parse(read(id, `data/cite/${id}.csl.json`)))).toEqual([]);
          expect(jsonSchema('cff')(parseYaml(read(id, `data/cite/${id}.cff`)))).toEqual([]);
        }
      });
    },
  );

  it("cmif.xml gives correspSearch the file's URL, a bibl id that is an NCName, authority URIs from the registers, sent and received only", async () => {
    const d = await xml(read(RECORD_ID, 'metadata/cmif.xml'));
    expect(d.strings("//tei:publicationStmt/tei:idno[@type = 'url']")).toEqual([`${BASE}cmif/${RECORD_ID}.xml`]);
    const [id] = d.strings('//tei:sourceDesc/tei:bibl/@xml:id');
    expect(id).toMatch(/^uuid-[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(d.strings('//tei:correspAction/@type')).toEqual(['sent', 'received']);
    expect(d.strings("//tei:correspAction[@type = 'sent']/tei:persName/@ref")).toEqual([
      'http://viaf.org/viaf/0000001 http://www.wikidata.org/entity/Q0000001',
    ]);
    expect(d.strings("//tei:correspAction[@type = 'sent']/tei:placeName/@ref")).toEqual([
      'https://sws.geonames.org/0000001/',
    ]);
    expect(d.strings("//tei:correspAction[@type = 'received']/tei:persName/@ref")).toEqual([
      'http://d-nb.info/gnd/0000001-0',
    ]);
    expect(d.strings('//tei:titleStmt/tei:editor')).toEqual(['Doe, Jane', 'Edition team']);
    expect(d.strings('//tei:publicationStmt/tei:publisher')).toEqual(['Example University Library']);
  });

  it("the curators' README names exactly the metadata files the bag has", () => {
    for (const id of [RECORD_ID, SECOND]) {
      const readme = read(id, 'data/README.txt').replace(/\s+/g, ' ');
      const present = [...filesUnder(bag(id)).keys()]
        .filter((p) => p.startsWith('metadata/'))
        .map((p) => p.slice('metadata/'.length))
        .sort();
      expect(present).toEqual(['cmif.xml', 'oai_dc.xml', 'zenodo.json']);
      for (const f of ['zenodo.json', 'oai_dc.xml', 'cmif.xml', 'datacite.xml'])
        expect(readme.includes(`(${f})`), f).toBe(present.includes(f));
      expect(readme).toContain('There is no DataCite file until the edition has a DOI');
    }
  });

  it('zenodo.json names the configured editors (ORCID iD bare, as Zenodo wants it) and only date types Zenodo lists', () => {
    const m = (JSON.parse(read(RECORD_ID, 'metadata/zenodo.json')) as { metadata: Record<string, unknown> }).metadata;
    expect(m['creators']).toEqual([{ name: 'Doe, Jane', orcid: '0000-0002-1825-0097' }, { name: 'Edition team' }]);
    expect(m).not.toHaveProperty('dates');
    expect(String(m['notes'])).toContain('The source document was written on 1977-05-13.');
  });

  it('the citations in the bag identify the edition: URL, container, editors, publisher', () => {
    const [entry] = JSON.parse(read(SECOND, `data/cite/${SECOND}.csl.json`)) as Record<string, unknown>[];
    expect(entry).toMatchObject({
      URL: `${BASE}${SECOND}.html`,
      'container-title': 'Soviet–American Correspondence, 1977',
      publisher: 'Example University Library',
      editor: [{ family: 'Doe', given: 'Jane' }, { literal: 'Edition team' }],
    });
    expect(read(SECOND, `data/cite/${SECOND}.bib`)).toContain(`url = {${BASE}${SECOND}.html}`);
  });

  it("every link of every HTML file in each bag resolves inside the bag, or goes to the edition's public URL", () => {
    let toEdition = 0;
    for (const id of [RECORD_ID, SECOND]) {
      const files = filesUnder(bag(id));
      const pages = [...files.keys()].filter((p) => p.endsWith('.html'));
      expect(pages.length).toBeGreaterThan(3);
      for (const page of pages) {
        const html = files.get(page)!.toString('utf8');
        for (const m of html.matchAll(/\s(?:href|src)\s*=\s*"([^"]*)"/g)) {
          const link = m[1]!;
          if (link.startsWith(BASE)) {
            toEdition++;
            continue;
          }
          if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // the licence's and other outside addresses
          const [path, fragment] = link.split('#');
          const target = path === '' ? page : posix.normalize(posix.join(posix.dirname(page), path!));
          expect(files.has(target), `${id}/${page} links to ${link}`).toBe(true);
          if (fragment && target.endsWith('.html'))
            expect(files.get(target)!.toString('utf8'), `${id}/${page} links to ${link}`).toContain(`id="${fragment}"`);
        }
      }
      // The other document's page is not in this bag.
      const other = id === RECORD_ID ? SECOND : RECORD_ID;
      expect(files.has(`data/html/${other}.html`)).toBe(false);
    }
    // The index and registers name the other document: those links go to its page in the public edition.
    expect(toEdition).toBeGreaterThan(0);
  });

  const bagitPy = join(repoRoot, '..', 'shared', 'tools', 'bagit', 'bagit.py');
  const haveBagit = havePython && existsSync(bagitPy);
  it.skipIf(!haveBagit)(
    `each bag passes the Library of Congress validator (bagit.py --validate)${haveBagit ? '' : ` — SKIPPED: needs python3 and ${bagitPy}`}`,
    () => {
      for (const id of [RECORD_ID, SECOND]) {
        const r = spawnSync('python3', [bagitPy, '--validate', bag(id)], { encoding: 'utf8' });
        expect(r.status, r.stderr).toBe(0);
        expect(r.stderr).toMatch(/is valid/);
      }
    },
  );
});
