import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { BackendBadge } from '../components/backend-badge';
import { LiveIndicator } from '../components/live-indicator';
import { Segmented } from '../components/segmented';
import { SignInScreen } from '../components/sign-in-screen';
import { ToastRegion } from '../components/toast-region';
import { UnreachableNotice } from '../components/unreachable-notice';
import { useSession } from '../lib/api/session-state';
import { useI18n } from '../lib/i18n/i18n-context';
import { useDocumentTitle } from '../lib/dom/use-document-title';
import { useLiveStatus } from '../lib/live/use-live-status';
import { screenTitle } from './screen-title';
import { routeHref, type Route } from '../lib/router/hash-router';
import { infoQueryOptions } from '../lib/table/get-info';
import { useTheme } from '../lib/theme/theme';
import './stale-data.css';

const screens = [
  { screen: 'overview', label: 'nav.overview' },
  { screen: 'connections', label: 'nav.connections' },
  { screen: 'activity', label: 'nav.activity' },
  { screen: 'settings', label: 'nav.settings' },
  // Only when the agent was started with --fleet (GET /info fleet).
  { screen: 'fleet', label: 'nav.fleet' },
] as const;

export function AppShell({ route, children }: { route: Route; children: ReactNode }) {
  const { t, language, setLanguage } = useI18n();
  const [theme, setTheme] = useTheme();
  const current = route.screen === 'service' ? 'overview' : route.screen;
  const session = useSession();
  // The first answer says whether this browser has a session; until then no screen shows (an empty table
  // before a 401 would look like an empty load balancer).
  const info = useQuery(infoQueryOptions());
  const signedOut = session.state === 'signed-out';
  const waiting = session.state === 'unknown' && info.isPending;
  const live = useLiveStatus();
  useDocumentTitle(signedOut ? t(session.lost ? 'signIn.lostTitle' : 'signIn.title') : screenTitle(route, t));
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href={routeHref({ screen: 'overview' })}>
          <span className="brand-mark" aria-hidden="true">
            LB
          </span>
          {t('app.title')}
        </a>
        {!signedOut && (
          <nav className="nav" aria-label={t('nav.label')}>
            {screens
              .filter(({ screen }) => screen !== 'fleet' || Boolean(info.data?.fleet))
              .map(({ screen, label }) => (
                <a
                  key={screen}
                  href={routeHref({ screen })}
                  aria-current={current === screen ? 'page' : undefined}
                >
                  {t(label)}
                </a>
              ))}
          </nav>
        )}
        <div className="topbar-right">
          {!signedOut && <BackendBadge />}
          {!signedOut && <LiveIndicator />}
          <Segmented
            label={t('app.language')}
            options={[
              { value: 'en', label: 'EN' },
              { value: 'ko', label: '한국어' },
            ]}
            value={language}
            onChange={setLanguage}
          />
          <button
            type="button"
            onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
            aria-label={t('app.theme')}
            data-testid="theme-toggle"
          >
            {theme === 'dark' ? t('app.light') : t('app.dark')}
          </button>
        </div>
      </header>
      {/* data-stale dims every number on screen while they are not live (styles.css). */}
      <main className="content" data-stale={live.kind === 'reconnecting' || undefined}>
        {!signedOut && <UnreachableNotice status={live} />}
        {signedOut ? (
          <SignInScreen lost={session.lost} />
        ) : waiting ? (
          <div className="empty">{t('common.loading')}</div>
        ) : (
          children
        )}
      </main>
      <ToastRegion />
    </div>
  );
}
