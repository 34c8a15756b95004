import { useState, type FormEvent } from 'react';
import { signIn, useSignedOut } from '../lib/api/session-state';
import { useT } from '../lib/i18n/i18n-context';

/** Shown when the agent no longer knows this browser (it restarted): paste the token to continue. */
export function SignInBanner() {
  const t = useT();
  const signedOut = useSignedOut();
  const [token, setToken] = useState('');
  if (!signedOut) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) signIn(token);
  };
  return (
    <form className="notice" role="alert" onSubmit={submit} data-testid="sign-in">
      <div style={{ flex: 1 }}>
        <strong>{t('signIn.title')}</strong> {t('signIn.body')}
      </div>
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
  );
}
