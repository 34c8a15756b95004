/** The text `--help` prints. Every flag has an IPVS_DASHBOARD_* environment twin; flags win. */
export const usage = `Usage: ipvs-dashboard-agent [options]

Web dashboard and REST/WebSocket API for the Linux IPVS load balancer.

Options (environment variable in brackets):
  --listen HOST:PORT        where to listen (default 127.0.0.1:8080)          [IPVS_DASHBOARD_LISTEN]
  --backend auto|kernel|simulated
                            auto: the kernel when IPVS is present and we hold CAP_NET_ADMIN,
                            else a simulated demo table (default auto)         [IPVS_DASHBOARD_BACKEND]
  --interval SECONDS        how often to sample counters, "1", "2s", "500ms" (default 1)
                                                                               [IPVS_DASHBOARD_INTERVAL]
  --token TOKEN             access token, 16+ characters (default: made once, kept in <state-dir>/token)
                                                                               [IPVS_DASHBOARD_TOKEN]
  --state-dir DIR           where holds, health checks and the change log live
                            (default $STATE_DIRECTORY, else
                            ~/.local/state/ipvs-dashboard)                    [IPVS_DASHBOARD_STATE_DIR]
  --tls-cert FILE           PEM certificate; serve HTTPS                       [IPVS_DASHBOARD_TLS_CERT]
  --tls-key FILE            PEM private key for --tls-cert                     [IPVS_DASHBOARD_TLS_KEY]
  --insecure-listen-reason "WHY"
                            allow plain HTTP beyond loopback, e.g. behind a TLS proxy
                                                                               [IPVS_DASHBOARD_INSECURE_LISTEN_REASON]
  --web-dir DIR             built web app to serve (default apps/web/dist)     [IPVS_DASHBOARD_WEB_DIR]
  --allowed-hosts NAMES     extra Host names to accept, comma-separated, e.g. the public name a
                            reverse proxy forwards (DNS-rebinding check)       [IPVS_DASHBOARD_ALLOWED_HOSTS]
  --metrics FAMILIES        /metrics families to add to node_exporter's node_ipvs_* ones, comma-
                            separated: names from docs/api.md (a trailing * matches a prefix, as
                            ipvs_dashboard_destination_*), all, or none (default none)
                                                                               [IPVS_DASHBOARD_METRICS]
  --webhooks FILE           send alerts (server down/up, drain done, external change, interrupted
                            change) to the webhooks a JSON file lists: {"webhooks":[{"url":"https://...",
                            "events":[...],"headers":{...}}]} (docs/api.md "Alerts"); every alert is
                            also one "alert ..." line in the log                [IPVS_DASHBOARD_WEBHOOKS]
  --prometheus-url URL      Prometheus that scrapes this agent's /metrics: charts then offer 1 h,
                            6 h, 24 h, 7 d and chosen ranges from it (default: none, 15 minutes
                            only). Turns on the ipvs_dashboard_*_total counter families it queries.
                                                                               [IPVS_DASHBOARD_PROMETHEUS_URL]
  --prometheus-selector '{LABEL="VALUE",...}'
                            label matchers picking this director's series in Prometheus, e.g.
                            '{instance="lb1:8080"}' (default: none; then Prometheus must scrape
                            one director only)                          [IPVS_DASHBOARD_PROMETHEUS_SELECTOR]
  --fleet FILE              show the other directors of a fleet (JSON or YAML: {"self":{"name":"lb1"},
                            "directors":[{"name":"lb2","url":"https://lb2:8080","tokenFile":"...",
                            "pair"?:"...","site"?:"...","tlsVerify"?:true}]}); this agent reads them
                            for the browser (docs/api.md "Fleet")                  [IPVS_DASHBOARD_FLEET]
  --help                    print this text and exit

Named tokens with roles (viewer, operator, admin): ipvs-dashboard-agent token add|list|revoke
(see "ipvs-dashboard-agent token help").
`;
