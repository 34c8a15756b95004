import type { ReactNode } from 'react';
import { BackendBadge } from '../components/backend-badge';
import { LiveIndicator } from '../components/live-indicator';
import { Segmented } from '../components/segmented';
import { SignInBanner } from '../components/sign-in-banner';
import { useI18n } from '../lib/i18n/i18n-context';
import { routeHref, type Route } from '../lib/router/hash-router';
import { useTheme } from '../lib/theme/theme';

const screens = [
  { screen: 'overview', label: 'nav.overview' },
  { screen: 'connections', label: 'nav.connections' },
  { screen: 'activity', label: 'nav.activity' },
  { screen: 'settings', label: 'nav.settings' },
] as const;

export function AppShell({ route, children }: { route: Route; children: ReactNode }) {
  const { t, language, setLanguage } = useI18n();
  const [theme, setTheme] = useTheme();
  const current = route.screen === 'service' ? 'overview' : route.screen;
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href={routeHref({ screen: 'overview' })}>
          <span className="brand-mark" aria-hidden="true">
            LB
          </span>
          {t('app.title')}
        </a>
        <nav className="nav" aria-label={t('nav.label')}>
          {screens.map(({ screen, label }) => (
            <a
              key={screen}
              href={routeHref({ screen })}
              aria-current={current === screen ? 'page' : undefined}
            >
              {t(label)}
            </a>
          ))}
        </nav>
        <div className="topbar-right">
          <BackendBadge />
          <LiveIndicator />
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
      <main className="content">
        <SignInBanner />
        {children}
      </main>
    </div>
  );
}
