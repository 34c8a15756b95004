import { describe, expect, it } from 'vitest';
import { catalogues, screens } from '../catalogue';
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

  it('takes each key from one screen only, so no screen silently overrides another', () => {
    const owners = new Map<string, number>();
    screens.forEach(([english], screen) => {
      for (const key of Object.keys(english)) {
        expect(owners.get(key), `${key} is on screens ${owners.get(key)} and ${screen}`).toBeUndefined();
        owners.set(key, screen);
      }
    });
    expect(owners.size).toBe(Object.keys(catalogues.en).length);
  });

  it('reads as Korean: Quiesced is never 휴지 (tissue), particles after a name fit any ending', () => {
    for (const [key, korean] of Object.entries(catalogues.ko)) {
      expect(korean, key).not.toContain('휴지');
      // "10.0.1.1:8080를" is wrong for a name ending in 0: after a placeholder only 을(를) / 이(가) fit.
      expect(korean, key).not.toMatch(/\}["']?(를|을|가|이|는|은)(?![(])/);
    }
    expect(
      translate('ko', 'board.announceDropped', { server: '10.0.1.1:8080', lane: '가중치 0 (드레인)' }),
    ).toBe('10.0.1.1:8080을(를) "가중치 0 (드레인)"에 놓았습니다.');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'overview.showMore', { shown: 50, total: 1000 })).toBe('Show more (50 of 1000)');
    expect(translate('ko', 'server.weightShort', { weight: 3 })).toBe('가중치 3');
    expect(translate('en', 'server.weightShort')).toBe('weight {weight}');
  });
});
