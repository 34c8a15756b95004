import { useState, type FormEvent } from 'react';
import { signIn } from '../lib/api/session-state';
import { useT } from '../lib/i18n/i18n-context';
import './sign-in-screen.css';

/** The agent's systemd unit (deploy/ipvs-dashboard-agent.service): its journal holds the login URL. */
const JOURNAL_COMMAND = 'journalctl -u ipvs-dashboard-agent';

/**
 * All the page shows while the agent does not know this browser: a fresh browser, or the agent restarted
 * (sessions do not survive it). It says where the login URL is, and takes the token instead.
 */
export function SignInScreen({ lost }: { lost: boolean }) {
  const t = useT();
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) signIn(token);
  };
  return (
    <section className="card sign-in" aria-labelledby="sign-in-heading" data-testid="sign-in">
      <h1 id="sign-in-heading">{lost ? t('signIn.lostTitle') : t('signIn.title')}</h1>
      <p>{lost ? t('signIn.lostBody') : t('signIn.body')}</p>
      <p>{t('signIn.url')}</p>
      <pre className="command">{`${window.location.origin}/?token=…`}</pre>
      <p>{t('signIn.journal')}</p>
      <pre className="command">{JOURNAL_COMMAND}</pre>
      <form className="sign-in-form" onSubmit={submit}>
        <label className="field">
          <span className="label">{t('signIn.token')}</span>
          <input
            type="password"
            autoComplete="off"
            value={token}
            onChange={(event) => setToken(event.target.value)}
          />
        </label>
        <button type="submit" className="primary">
          {t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
