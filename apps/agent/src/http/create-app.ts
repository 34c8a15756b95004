import compression from 'compression';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { AccessPolicy } from './access-guard.js';
import type { AgentContext } from './agent-context.js';
import { apiNotFound, errorHandler } from './error-handler.js';
import { loginRoute } from './login-route.js';
import { stampArrival } from './server-timing.js';
import { metricsRoute } from './metrics-route.js';
import { authGuard, hostGuard, mutationGuard, roleGuard } from './request-guards.js';
import { changeRoutes } from './routes/change-routes.js';
import { checkRoutes } from './routes/check-routes.js';
import { policyRoutes } from './routes/policy-routes.js';
import { configRoutes } from './routes/config-routes.js';
import { connectionRoutes } from './routes/connection-routes.js';
import { fleetChangeRoutes } from './routes/fleet-change-routes.js';
import { fleetRoutes } from './routes/fleet-routes.js';
import { destinationRoutes } from './routes/destination-routes.js';
import { drainRoutes } from './routes/drain-routes.js';
import { historyRoutes } from './routes/history-routes.js';
import { quiesceRoutes } from './routes/quiesce-routes.js';
import { serviceRoutes } from './routes/service-routes.js';
import { settingsRoutes } from './routes/settings-routes.js';
import { simulationRoutes } from './routes/simulation-routes.js';
import { systemRoutes } from './routes/system-routes.js';
import { tokenRoutes } from './routes/token-routes.js';
import { webAppRoute } from './web-app-route.js';

export interface AppOptions {
  context: AgentContext;
  policy: AccessPolicy;
  webDir: string;
  tls: boolean;
  log: (message: string, error?: unknown) => void;
}

/** The whole HTTP surface in the order requests meet it: headers, Host, login, API behind auth, web app. */
export function createApp({ context, policy, webDir, tls, log }: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // The built app is same-origin scripts and styles; recharts sets inline style attributes.
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'frame-ancestors': ["'none'"],
          'upgrade-insecure-requests': tls ? [] : null,
        },
      },
      strictTransportSecurity: tls,
    }),
  );
  app.use(hostGuard(policy));
  app.use(loginRoute(policy, tls));

  const api = express.Router();
  api.use(stampArrival);
  // Answers at 1,000 x 10 are megabytes of repetitive JSON (GET /services, a restore's plan): deflate level 1
  // shrinks them ~10x for a few milliseconds, to any client that asks (browsers and fetch do).
  api.use(compression({ level: 1, threshold: 8 * 1024 }));
  api.use(authGuard(policy));
  api.use(mutationGuard());
  api.use(express.json({ limit: '256kb' }));
  api.use(express.text({ type: 'text/plain', limit: '4mb' }));
  api.use(roleGuard());
  api.use((_request, response, next) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  for (const routes of [
    systemRoutes,
    settingsRoutes,
    serviceRoutes,
    destinationRoutes,
    quiesceRoutes,
    drainRoutes,
    checkRoutes,
    policyRoutes,
    simulationRoutes,
    connectionRoutes,
    historyRoutes,
    configRoutes,
    changeRoutes,
    fleetChangeRoutes,
    fleetRoutes,
  ]) {
    api.use(routes(context));
  }
  api.use(tokenRoutes(policy, log));
  api.use(apiNotFound);
  app.use('/api/v1', api);
  app.use('/api', apiNotFound);
  app.get('/metrics', authGuard(policy), metricsRoute(context));
  app.use(webAppRoute(webDir));
  app.use(errorHandler(log));
  return app;
}
