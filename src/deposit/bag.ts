import { bagInfoText, humanSize, payloadOxum, type BagInfoField } from './bag-info.js';
import { byPath, manifestText, type Algorithm } from './checksums.js';

/** A bag as files by path relative to its root ('bagit.txt', 'data/tei/x.xml'), in byte order of path. */
export type BagFiles = Map<string, Uint8Array>;

/** The payload manifests every bag gets, and the one tag manifest (as issue #5 asks). */
export const PAYLOAD_ALGORITHMS: readonly Algorithm[] = ['sha256', 'sha512'];
export const TAG_ALGORITHM: Algorithm = 'sha256';

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

export interface BagParts {
  /** Payload by path relative to data/ ('tei/x.xml'). */
  payload: ReadonlyMap<string, Uint8Array>;
  /** Tag files beside data/ by path ('metadata/zenodo.json'). */
  tags: ReadonlyMap<string, Uint8Array>;
  /** bag-info elements from the TEI header (Source-Organization, …, Bagging-Date). */
  info: readonly BagInfoField[];
  /** Bag-Software-Agent: "tei-pipeline 0.1.0". */
  agent: string;
}

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

/**
 * Lay out a BagIt 1.0 bag (RFC 8493): bagit.txt, bag-info.txt with the sizes, a payload manifest
 * per algorithm, and a tag manifest over every other tag file (metadata/ included), so that a
 * receiver can check the metadata as well as the payload.
 */
export function assembleBag(parts: BagParts): BagFiles {
  const payload: BagFiles = new Map([...parts.payload].map(([p, b]) => [`data/${p}`, b]));
  let octets = 0;
  for (const b of payload.values()) octets += b.length;
  const info: BagInfoField[] = [
    ...parts.info,
    { label: 'Payload-Oxum', value: payloadOxum(payload) },
    // The payload's size: the tag files are a few kilobytes beside it.
    { label: 'Bag-Size', value: humanSize(octets) },
    { label: 'Bag-Software-Agent', value: parts.agent },
  ];
  const tags: BagFiles = new Map([
    ['bagit.txt', utf8(BAGIT_TXT)],
    ['bag-info.txt', utf8(bagInfoText(info))],
    ...PAYLOAD_ALGORITHMS.map((a): [string, Uint8Array] => [`manifest-${a}.txt`, utf8(manifestText(payload, a))]),
    ...parts.tags,
  ]);
  const all: BagFiles = new Map([
    ...tags,
    ...payload,
    [`tagmanifest-${TAG_ALGORITHM}.txt`, utf8(manifestText(tags, TAG_ALGORITHM))],
  ]);
  return new Map([...all].sort(([a], [b]) => byPath(a, b)));
}
