#!/bin/sh
# Health check run by `kiln apply` after each wave: the Galera node on HOST is up, synced and
# sees every cluster member named in the release's wsrep_cluster_address.
# Usage: galera-cluster-size.sh HOST [SERVICE]   (KILN_RELEASE is the staged release directory)
# Credentials come from the environment or ~/.my.cnf (MYSQL_USER / MYSQL_PWD are honoured).
set -eu
host=$1
config="$KILN_RELEASE/files/$host/mariadb/galera.cnf"
[ -f "$config" ] || { echo "no $config in the release"; exit 1; }
value() { sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" "$config" | tail -n 1; }
address=$(value bind-address)
members=$(value wsrep_cluster_address | sed 's|^gcomm://||' | tr ',' '\n' | grep -c .)
status() {
  mysql --host="$address" --batch --skip-column-names --connect-timeout=5 \
    --execute="SHOW GLOBAL STATUS LIKE '$1'" | awk '{print $2}'
}
size=$(status wsrep_cluster_size)
state=$(status wsrep_local_state_comment)
echo "$host: wsrep_cluster_size=$size (expected $members), wsrep_local_state_comment=$state"
[ "$size" = "$members" ] && [ "$state" = "Synced" ]
