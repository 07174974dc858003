// axe-core, injected into a page by the browser tests (page.addScriptTag), lives on window.axe.
import type axe from 'axe-core';

declare global {
  interface Window {
    axe: typeof axe;
  }
}
