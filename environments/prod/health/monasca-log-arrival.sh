#!/bin/sh
# Health check run by `kiln apply` after each wave: a marker sent to HOST's Fluentd syslog
# input arrives in the Monasca log store within KILN_LOG_ARRIVAL_SECONDS (default 60).
# Usage: monasca-log-arrival.sh HOST [SERVICE]
# KILN_LOG_SEARCH_URL: the log store's search endpoint, e.g. http://es:9200/monasca-*/_search
set -eu
host=$1
config="$KILN_RELEASE/files/$host/fluentd/td-agent.conf"
[ -f "$config" ] || { echo "no $config in the release"; exit 1; }
address=$(awk '/@type syslog/ {s=1} s && $1 == "bind" {print $2; exit}' "$config")
port=$(awk '/@type syslog/ {s=1} s && $1 == "port" {print $2; exit}' "$config")
marker="kiln-health-$host-$(date +%s)-$$"
logger --udp --server "$address" --port "$port" --tag kiln-health "$marker"
deadline=$(( $(date +%s) + ${KILN_LOG_ARRIVAL_SECONDS:-60} ))
query="{\"query\": {\"match_phrase\": {\"Payload\": \"$marker\"}}}"
while [ "$(date +%s)" -lt "$deadline" ]; do
  if curl --silent --max-time 5 -H 'Content-Type: application/json' -d "$query" \
    "$KILN_LOG_SEARCH_URL" | grep -q "$marker"; then
    echo "$host: marker $marker arrived"
    exit 0
  fi
  sleep 2
done
echo "$host: marker $marker did not arrive within ${KILN_LOG_ARRIVAL_SECONDS:-60} s"
exit 1
