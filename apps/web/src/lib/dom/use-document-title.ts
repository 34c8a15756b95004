import { useEffect } from 'react';
import { useT } from '../i18n/i18n-context';

/**
 * "<screen> · IPVS dashboard" in the tab, so a dozen open tabs (and the browser's history) say which is which;
 * a screen whose name already says it is the dashboard (signing in) stands alone.
 */
export function useDocumentTitle(screen: string): void {
  const t = useT();
  const appTitle = t('app.title');
  useEffect(() => {
    document.title = screen.includes(appTitle) ? screen : `${screen} · ${appTitle}`;
  }, [screen, appTitle]);
}
