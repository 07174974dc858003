import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../../support/cli.js';

const AXE = join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');

/** axe-core's serious and critical violations on the page as it is now, one line per rule. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return violations;
}

export interface TabStop {
  /** A description of the element: tag, id or href. */
  what: string;
  index: number;
  focusVisible: boolean;
  outline: string;
  boxShadow: string;
  inViewport: boolean;
}

/**
 * Press Tab from the top of the page until focus leaves the document or comes round again, and
 * report each element reached. Candidates are numbered first (data-tab-index) so that the test
 * can say which were never reached.
 */
export async function tabThrough(page: Page): Promise<{ candidates: string[]; stops: TabStop[] }> {
  const candidates = await page.evaluate(() => {
    const els = [
      ...document.querySelectorAll<HTMLElement>(
        'a[href], area[href], button, input, select, textarea, summary, [tabindex]',
      ),
    ].filter(
      (e) => e.tabIndex >= 0 && !(e as HTMLInputElement).disabled && e.checkVisibility({ visibilityProperty: true }),
    );
    // Of a group of radio buttons, Tab reaches one (the checked one); arrow keys move within it.
    const radios = new Map<string, HTMLInputElement[]>();
    for (const e of els)
      if (e instanceof HTMLInputElement && e.type === 'radio' && e.name)
        radios.set(e.name, [...(radios.get(e.name) ?? []), e]);
    const skip = new Set<HTMLElement>();
    for (const group of radios.values()) {
      const stop = group.find((r) => r.checked) ?? group[0];
      for (const r of group) if (r !== stop) skip.add(r);
    }
    const describe = (e: HTMLElement) =>
      `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.getAttribute('href') ? ` href=${e.getAttribute('href')}` : ''}${e instanceof HTMLInputElement ? ` ${e.type}` : ''}`;
    return els
      .filter((e) => !skip.has(e))
      .map((e, i) => {
        e.dataset['tabIndex'] = String(i);
        return describe(e);
      });
  });
  // Start from the top, whatever was clicked or targeted before: focus a throw-away element
  // at the start of the body, which moves the browser's sequential focus starting point there.
  await page.evaluate(() => {
    const start = document.createElement('span');
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus();
    start.remove();
    window.scrollTo(0, 0);
  });
  const stops: TabStop[] = [];
  for (let i = 0; i < candidates.length + 10; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      if (!e || e === document.body || e === document.documentElement) return null;
      const cs = getComputedStyle(e);
      const r = e.getBoundingClientRect();
      return {
        what: `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.getAttribute('href') ? ` href=${e.getAttribute('href')}` : ''}`,
        index: e.dataset['tabIndex'] === undefined ? -1 : Number(e.dataset['tabIndex']),
        focusVisible: e.matches(':focus-visible'),
        outline:
          cs.outlineStyle === 'none' || parseFloat(cs.outlineWidth) === 0
            ? 'none'
            : `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
        boxShadow: cs.boxShadow,
        inViewport:
          r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
      };
    });
    if (!stop || (stops.length > 0 && stop.index === stops[0]!.index)) break;
    stops.push(stop);
  }
  return { candidates, stops };
}
