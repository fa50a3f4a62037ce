#!/bin/sh
# Health check run by `kiln apply` after each wave: the RabbitMQ node on HOST runs and every
# node of the release's classic_config peer list is a running cluster member.
# Usage: rabbitmq-cluster-status.sh HOST [SERVICE]   (KILN_RELEASE is the staged release)
set -eu
host=$1
config="$KILN_RELEASE/files/$host/rabbitmq/rabbitmq.conf"
[ -f "$config" ] || { echo "no $config in the release"; exit 1; }
expected=$(sed -n 's/^cluster_formation\.classic_config\.nodes\.[0-9]*[[:space:]]*=[[:space:]]*//p' \
  "$config" | sort)
status=$(rabbitmq-diagnostics --node "rabbit@$host" --formatter json cluster_status)
running=$(printf '%s' "$status" | python3 -c \
  'import json, sys; print("\n".join(sorted(json.load(sys.stdin)["running_nodes"])))')
echo "$host: running nodes: $(echo $running)"
missing=$(printf '%s\n' "$expected" | while read -r node; do
  [ -z "$node" ] || printf '%s\n' "$running" | grep -qx "$node" || echo "$node"
done)
[ -z "$missing" ] || { echo "$host: not running in the cluster: $(echo $missing)"; exit 1; }
