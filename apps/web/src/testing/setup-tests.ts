import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { forgetStatColumnChoice } from '../lib/table/stat-column-choice';

afterEach(() => {
  cleanup();
  // The columns choice is cached beside localStorage (stat-column-choice.ts); tests clear localStorage.
  forgetStatColumnChoice();
});
