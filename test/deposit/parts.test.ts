import { describe, expect, it } from 'vitest';
import { bagInfoText, humanSize, parseBagInfo, payloadOxum } from '../../src/deposit/bag-info.js';
import { assembleBag } from '../../src/deposit/bag.js';
import {
  decodeManifestPath,
  digest,
  encodeManifestPath,
  manifestText,
  parseManifest,
} from '../../src/deposit/checksums.js';
import { nameUuid, biblId } from '../../src/deposit/metadata.js';
import { localLinks, selfContained } from '../../src/deposit/payload.js';
import { verifyBag } from '../../src/deposit/verify.js';
import { unsafeEntryName, zipTime } from '../../src/deposit/zip.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('deposit parts', () => {
  it('percent-encodes CR, LF and % in manifest paths (RFC 8493 §2.1.3) and reads them back', () => {
    const path = 'data/100% sure\r\nof it.txt';
    expect(encodeManifestPath(path)).toBe('data/100%25 sure%0D%0Aof it.txt');
    expect(decodeManifestPath(encodeManifestPath(path))).toBe(path);
    expect(decodeManifestPath('data/%2541.txt')).toBe('data/%41.txt');
  });

  it("writes manifests sorted by path with two spaces, and reads them with each path's position", () => {
    const files = new Map([
      ['data/b.txt', bytes('b')],
      ['data/B.txt', bytes('B')],
      ['data/a b.txt', bytes('a')],
    ]);
    const text = manifestText(files, 'sha256');
    expect(text.split('\n').map((l) => l.slice(66))).toEqual(['data/B.txt', 'data/a b.txt', 'data/b.txt', '']);
    const { entries, problems } = parseManifest(text, 'sha256');
    expect(problems).toEqual([]);
    expect(entries[1]).toEqual({ checksum: digest(bytes('a'), 'sha256'), path: 'data/a b.txt', line: 2, column: 67 });
    const bad = parseManifest('not a line\nabc  data/x\n', 'sha256');
    expect(bad.entries).toEqual([]);
    expect(bad.problems.map((p) => p.line)).toEqual([1, 2]);
    expect(bad.problems[1]!.message).toContain('expected 64 for sha256');
  });

  it('folds long bag-info values at 79 characters and unfolds them to the same value', () => {
    const long = 'word '.repeat(40).trim();
    const text = bagInfoText([
      { label: 'Bag-Software-Agent', value: 'tei-pipeline 1.0' },
      { label: 'External-Description', value: long },
      { label: 'Source-Organization', value: 'Team' },
    ]);
    expect(text.split('\n')[0]).toBe('Source-Organization: Team');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(79);
    expect(parseBagInfo(text).map((f) => [f.label, f.value])).toEqual([
      ['Source-Organization', 'Team'],
      ['External-Description', long],
      ['Bag-Software-Agent', 'tei-pipeline 1.0'],
    ]);
  });

  it('sizes: Payload-Oxum as octets.files, Bag-Size for people', () => {
    expect(
      payloadOxum(
        new Map([
          ['a', bytes('12345')],
          ['b', bytes('')],
        ]),
      ),
    ).toBe('5.2');
    expect([humanSize(812), humanSize(86_323), humanSize(3 * 1024 * 1024)]).toEqual(['812 bytes', '84.3 KB', '3.0 MB']);
  });

  it('takes the zip time from the Bagging-Date as local clock fields (what fflate writes), noon, not before 1980', () => {
    const t = zipTime('2026-11-28');
    expect([t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes()]).toEqual([2026, 10, 28, 12, 0]);
    expect(zipTime('1975-01-01').getFullYear()).toBe(1980);
    expect(() => zipTime('2026-11')).toThrow(/expected YYYY-MM-DD/);
  });

  it('refuses zip entry names that would leave the folder', () => {
    expect(['a/b.txt', 'a/..b', 'x/.hidden'].map(unsafeEntryName)).toEqual([null, null, null]);
    expect(['../x', 'a/../../x', '/etc/passwd', 'C:/x', 'a\\b'].map((n) => unsafeEntryName(n) !== null)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it("names the CMIF bibl with a version 5 UUID, as Python's uuid module computes it", () => {
    expect(nameUuid('https://example.org/')).toBe('527dda32-a0de-5105-a042-cb475b5f7d11');
    expect(nameUuid('urn:x-tei-pipeline:edition:dobrynin-vance-1977-02-26')).toBe(
      '993c2b11-4548-5e7f-960b-6b9fc7e1a1ea',
    );
  });

  it('finds the pages an HTML page links to, leaving out other sites and fragments', () => {
    const html =
      '<a href="persons.html#vance">V</a><a href="../cite/x.bib">b</a><a href="https://example.org/">e</a><a href="#n1">n</a><link href="assets/edition.css"><a href="mailto:x@y">m</a>';
    expect(localLinks(html, 'html')).toEqual(['cite/x.bib', 'html/assets/edition.css', 'html/persons.html']);
  });

  it("keeps a bag page's links inside the bag: a page it lacks goes to the public edition, or loses its href", () => {
    const html =
      '<a href="persons.html#vance">V</a> <a href="other-doc.html#p2">other</a> <a href="../text/other-doc.txt">t</a> <a href="#n1">n</a> <a href="https://example.org/">e</a>';
    const bag = new Map([
      ['html/persons.html', ''],
      ['html/x.html', ''],
    ]);
    expect(selfContained(html, 'html', bag, 'https://edition.example.org/dv/')).toBe(
      '<a href="persons.html#vance">V</a> <a href="https://edition.example.org/dv/other-doc.html#p2">other</a> <a>t</a> <a href="#n1">n</a> <a href="https://example.org/">e</a>',
    );
    expect(selfContained(html, 'html', bag, undefined)).toBe(
      '<a href="persons.html#vance">V</a> <a>other</a> <a>t</a> <a href="#n1">n</a> <a href="https://example.org/">e</a>',
    );
  });

  it('names the CMIF bibl "uuid-" and a UUID: an NCName, whatever digit the UUID starts with', () => {
    expect(biblId('dobrynin-vance-1977-02-26')).toBe('uuid-993c2b11-4548-5e7f-960b-6b9fc7e1a1ea');
  });

  it('a bag assembled in memory verifies, and a payload manifest line for a file outside data/ is refused', () => {
    const bag = assembleBag({
      payload: new Map([['a.txt', bytes('A')]]),
      tags: new Map([['metadata/m.json', bytes('{}')]]),
      info: [{ label: 'Bagging-Date', value: '2026-11-28' }],
      agent: 'test',
    });
    expect([...bag.keys()]).toEqual([
      'bag-info.txt',
      'bagit.txt',
      'data/a.txt',
      'manifest-sha256.txt',
      'manifest-sha512.txt',
      'metadata/m.json',
      'tagmanifest-sha256.txt',
    ]);
    expect(verifyBag({ files: bag, display: (p) => p, diagnostics: [] }).diagnostics).toEqual([]);
    const sneaky = new Map(bag);
    sneaky.set(
      'manifest-sha256.txt',
      bytes(
        `${digest(bytes('x'), 'sha256')}  ../../etc/passwd\n${Buffer.from(bag.get('manifest-sha256.txt')!).toString()}`,
      ),
    );
    const ruleIds = verifyBag({ files: sneaky, display: (p) => p, diagnostics: [] }).diagnostics.map((d) => d.ruleId);
    expect(ruleIds).toContain('deposit/unsafe-path');
  });
});
