/** RELAX NG name classes: which (namespace, local name) pairs a pattern's element or attribute accepts. */
export type NameClass =
  | { kind: 'name'; ns: string; local: string }
  | { kind: 'anyName'; except: NameClass | null }
  | { kind: 'nsName'; ns: string; except: NameClass | null }
  | { kind: 'choice'; a: NameClass; b: NameClass };

export function contains(nc: NameClass, ns: string, local: string): boolean {
  switch (nc.kind) {
    case 'name':
      return nc.ns === ns && nc.local === local;
    case 'anyName':
      return !nc.except || !contains(nc.except, ns, local);
    case 'nsName':
      return nc.ns === ns && (!nc.except || !contains(nc.except, ns, local));
    case 'choice':
      return contains(nc.a, ns, local) || contains(nc.b, ns, local);
  }
}

/** The plain names a class lists (for messages); wildcards are left out. */
export function listedNames(nc: NameClass, out: string[] = []): string[] {
  if (nc.kind === 'name') out.push(nc.local);
  else if (nc.kind === 'choice') {
    listedNames(nc.a, out);
    listedNames(nc.b, out);
  }
  return out;
}

/** Whether the class accepts names it does not list (anyName, nsName). */
export function isOpen(nc: NameClass): boolean {
  if (nc.kind === 'choice') return isOpen(nc.a) || isOpen(nc.b);
  return nc.kind !== 'name';
}
