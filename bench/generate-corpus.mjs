// Makes a deterministic edition of N documents shaped like the record: the record's text with its own
// id, title, envoy (a person of its own in the registers) and place, so registers grow with the corpus.
// Usage: node bench/generate-corpus.mjs N DIR
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const RECORD = 'dobrynin-vance-1977-02-26';

export function generateCorpus(n, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'tei', 'register'), { recursive: true });
  cpSync(join(repo, 'tei', 'schema'), join(dir, 'tei', 'schema'), { recursive: true });
  const record = readFileSync(join(repo, 'tei', `${RECORD}.xml`), 'utf8');
  const persons = [];
  const places = [];
  for (let i = 1; i <= n; i++) {
    const id = `bench-${String(i).padStart(5, '0')}`;
    const doc = record
      .replaceAll(RECORD, id)
      .replace('<title type="main">Record of the Conversation', `<title type="main">Record ${i} of the Conversation`)
      .replaceAll('per:vance', `per:envoy-${i}`)
      .replaceAll('pla:vladivostok', `pla:city-${i}`);
    writeFileSync(join(dir, 'tei', `${id}.xml`), doc);
    persons.push(
      `        <person xml:id="envoy-${i}">\n          <persName type="standard">Envoy ${i}, Cyrus</persName>\n          <persName type="source">Vance</persName>\n        </person>`,
    );
    places.push(
      `        <place xml:id="city-${i}" type="city">\n          <placeName type="standard">City ${i}</placeName>\n        </place>`,
    );
  }
  const grow = (file, closing, entries) => {
    const text = readFileSync(join(repo, 'tei', 'register', file), 'utf8');
    writeFileSync(join(dir, 'tei', 'register', file), text.replace(closing, `${entries.join('\n')}\n      ${closing}`));
  };
  grow('persons.xml', '</listPerson>', persons);
  grow('places.xml', '</listPlace>', places);
  cpSync(join(repo, 'tei', 'register', 'orgs.xml'), join(dir, 'tei', 'register', 'orgs.xml'));
  cpSync(join(repo, 'tei', 'register', 'events.xml'), join(dir, 'tei', 'register', 'events.xml'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [n = '10', dir = 'bench/corpus'] = process.argv.slice(2);
  generateCorpus(Number(n), dir);
  console.log(`wrote ${n} documents to ${dir}`);
}
