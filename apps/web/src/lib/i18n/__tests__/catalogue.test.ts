import { describe, expect, it } from 'vitest';
import { catalogues } from '../catalogue';
import { translate } from '../i18n-context';

describe('catalogue', () => {
  it('has every English message in Korean, none left empty or untranslated placeholders', () => {
    for (const [key, english] of Object.entries(catalogues.en)) {
      const korean = catalogues.ko[key as keyof typeof catalogues.ko];
      expect(korean, key).toBeTruthy();
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(korean), key).toEqual(placeholders(english));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'overview.showMore', { shown: 50, total: 1000 })).toBe('Show more (50 of 1000)');
    expect(translate('ko', 'server.weightShort', { weight: 3 })).toBe('가중치 3');
    expect(translate('en', 'server.weightShort')).toBe('weight {weight}');
  });
});
