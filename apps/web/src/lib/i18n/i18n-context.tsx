import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { catalogues, type Language, type MessageKey } from './catalogue';

// The language switch: every user-facing string is looked up in one catalogue (catalogue.ts), English
// or Korean, with {name} placeholders filled from params.
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const storageKey = 'ipvs-dashboard.language';

export function translate(language: Language, key: MessageKey, params?: Record<string, string | number>) {
  const template = catalogues[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(storageKey);
  if (stored === 'en' || stored === 'ko') return stored;
  return globalThis.navigator?.language?.startsWith('ko') ? 'ko' : 'en';
}

const I18nContext = createContext<I18n>({
  language: 'en',
  setLanguage: () => undefined,
  t: (key, params) => translate('en', key, params),
});

export function I18nProvider({ children, language: fixed }: { children: ReactNode; language?: Language }) {
  const [language, setState] = useState<Language>(fixed ?? initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    globalThis.localStorage?.setItem(storageKey, next);
    document.documentElement.lang = next;
    setState(next);
  }, []);
  const t = useCallback<Translate>((key, params) => translate(language, key, params), [language]);
  const value = useMemo(() => ({ language, setLanguage, t }), [language, setLanguage, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export function useT(): Translate {
  return useContext(I18nContext).t;
}
