import { useEffect } from 'react';
import { useT } from '../i18n/i18n-context';

/** "<screen> · IPVS dashboard" in the tab, so a dozen open tabs (and the browser's history) say which is which. */
export function useDocumentTitle(screen: string): void {
  const t = useT();
  const appTitle = t('app.title');
  useEffect(() => {
    document.title = `${screen} · ${appTitle}`;
  }, [screen, appTitle]);
}
