// Framework-level code: the API client and QueryClient, the live WebSocket feed, the table queries,
// i18n, theme, formatting and routing. Imports @ipvs-dashboard/shared and libraries, never components/ or features/.
export { api, apiRequest } from './api/api-client';
export { ApiError } from './api/api-error';
export { queryClient } from './api/query-client';
export { createLiveFeed, LiveFeed } from './live/live-feed';
export { I18nProvider, useI18n, useT } from './i18n/i18n-context';
