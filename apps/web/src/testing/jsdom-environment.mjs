// A jsdom test environment that loads jsdom from this workspace. npm installed jsdom 26 under
// apps/web/node_modules, where Vitest's built-in `environment: 'jsdom'` (which imports 'jsdom' from
// Vitest's own folder at the repository root) cannot find it.
import { JSDOM } from 'jsdom';
import { populateGlobal } from 'vitest/runtime';

export default {
  name: 'web-jsdom',
  viteEnvironment: 'client',
  setup(global) {
    const dom = new JSDOM('<!DOCTYPE html>', { url: 'http://localhost:3000', pretendToBeVisual: true });
    const { keys, originals } = populateGlobal(global, dom.window, { bindFunctions: true });
    return {
      teardown(target) {
        dom.window.close();
        keys.forEach((key) => delete target[key]);
        originals.forEach((value, key) => (target[key] = value));
      },
    };
  },
};
