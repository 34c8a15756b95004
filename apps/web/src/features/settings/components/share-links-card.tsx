import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { AllowedButton } from '../../../components/allowed-button';
import { ActionError } from '../../../components/error-text';
import { useRefusal } from '../../../lib/access/use-refusal';
import { formatDateTime } from '../../../lib/format/format-date-time';
import { useT } from '../../../lib/i18n/i18n-context';
import { tokensQueryOptions, useMakeShareLink, useRevokeToken } from '../api/share-links';

/**
 * Read-only share links for a wall screen: an admin names one, the agent makes a viewer token, and the
 * card shows the URL that signs a browser in with it (once: the agent keeps only its hash). Every named
 * token is listed with a Revoke button; revoking ends the screens signed in with it within seconds.
 */
export function ShareLinksCard() {
  const t = useT();
  const refusal = useRefusal(['GET', '/tokens']);
  const tokens = useQuery(tokensQueryOptions(refusal === null));
  const make = useMakeShareLink();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const url = make.data ? `${window.location.origin}${make.data.loginPath}` : null;
  return (
    <section className="card" aria-labelledby="share-heading" data-testid="share-links">
      <h2 id="share-heading">{t('share.title')}</h2>
      <p className="muted">{t('share.intro')}</p>
      {refusal !== null ? (
        <p className="muted">{refusal}</p>
      ) : (
        <>
          <div className="row">
            <label className="field">
              <span className="label">{t('share.name')}</span>
              <input
                value={name}
                placeholder="noc-wall"
                onChange={(event) => setName(event.target.value)}
                data-testid="share-link-name"
              />
            </label>
            <AllowedButton
              request={['POST', '/tokens', { name }]}
              disabled={name.trim() === '' || make.isPending}
              onClick={() => make.mutate(name.trim(), { onSuccess: () => setName('') })}
            >
              {t('share.make')}
            </AllowedButton>
          </div>
          <ActionError error={make.error} />
          {url && make.data && (
            <div className="notice" role="status">
              <p>{t('share.made', { name: make.data.name })}</p>
              <input
                readOnly
                value={url}
                className="mono"
                style={{ width: '100%' }}
                data-testid="share-link-url"
                onFocus={(event) => event.target.select()}
              />
            </div>
          )}
          <ActionError error={tokens.error ?? revoke.error} />
          {tokens.data && tokens.data.length === 0 && <p className="muted">{t('share.none')}</p>}
          {tokens.data && tokens.data.length > 0 && (
            <table data-testid="token-list">
              <thead>
                <tr>
                  <th>{t('share.name')}</th>
                  <th>{t('share.role')}</th>
                  <th>{t('share.created')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {tokens.data.map((token) => (
                  <tr key={token.name} data-testid={`token-${token.name}`}>
                    <td className="mono">{token.name}</td>
                    <td>{token.role}</td>
                    <td>{formatDateTime(token.createdAt)}</td>
                    <td>
                      <AllowedButton
                        request={['DELETE', `/tokens/${encodeURIComponent(token.name)}`]}
                        className="danger"
                        disabled={revoke.isPending}
                        onClick={() => {
                          if (window.confirm(t('share.revokeConfirm', { name: token.name })))
                            revoke.mutate(token.name);
                        }}
                      >
                        {t('share.revoke')}
                      </AllowedButton>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
