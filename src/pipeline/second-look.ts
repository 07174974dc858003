import { statSync } from 'node:fs';

// chokidar reports a path's changes at most once in 50 ms and drops the others (its `_throttle`, with
// no trailing event): a second save soon after a first would never be built. Looked at again after that.
export const SECOND_LOOK_MS = 60;

/** What a save changes of a file (a rename-replace, its inode; a write, its size or time); 'gone' when absent. */
function signature(path: string): string {
  try {
    const s = statSync(path);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return 'gone';
  }
}

/**
 * A second look at each reported change once chokidar's throttle has passed: when the file is no longer
 * as it was when its change was reported, a change went unreported, and `missed` is told. The first look
 * is taken at once (synchronously), before the build that the change starts can read the file.
 */
export class SecondLook {
  /** One look per path: a newer change of it replaces the older look, which would see that change. */
  private readonly looks = new Map<string, { before: string; timer: NodeJS.Timeout }>();

  constructor(private readonly missed: (path: string) => void) {}

  changed(path: string): void {
    clearTimeout(this.looks.get(path)?.timer);
    const timer = setTimeout(() => this.look(path), SECOND_LOOK_MS);
    this.looks.set(path, { before: signature(path), timer });
  }

  /**
   * Look now at every file still waiting for its second look (watch, before a build writes: an editor that
   * writes in place is reported when it truncates the file, and its write, moments later, may be dropped).
   */
  lookNow(): void {
    for (const path of [...this.looks.keys()]) this.look(path);
  }

  close(): void {
    for (const { timer } of this.looks.values()) clearTimeout(timer);
    this.looks.clear();
  }

  private look(path: string): void {
    const look = this.looks.get(path);
    if (!look || signature(path) === look.before) return;
    clearTimeout(look.timer);
    this.looks.delete(path);
    this.missed(path);
  }
}
