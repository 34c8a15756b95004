import type { ForwardingMethod } from '@ipvs-dashboard/shared';
import { useT } from '../../../lib/i18n/i18n-context';

/** ipvsadm's three forwarding methods a real server can be given: -g (its default), -m, -i. */
export function ForwardingSelect({
  value,
  onChange,
}: {
  value: ForwardingMethod;
  onChange: (value: ForwardingMethod) => void;
}) {
  const t = useT();
  return (
    <label className="field">
      <span className="label">{t('server.forwarding')}</span>
      <select value={value} onChange={(event) => onChange(event.target.value as ForwardingMethod)}>
        <option value="route">{t('forwarding.route')}</option>
        <option value="masq">{t('forwarding.masq')}</option>
        <option value="tunnel">{t('forwarding.tunnel')}</option>
      </select>
    </label>
  );
}
