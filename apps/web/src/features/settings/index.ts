// Settings feature: timeouts, sync daemons, kernel settings, ipvsadm export/import, zero and clear.
// May import lib/ and components/; never another feature.
export { SettingsPage } from './components/settings-page';
