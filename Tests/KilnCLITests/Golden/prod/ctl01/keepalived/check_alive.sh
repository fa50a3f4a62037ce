#!/bin/bash

# Exits 0 when haproxy answers on its stats socket; keepalived gives up the
# VIP after two failures in a row.

echo "show info" | socat unix-connect:/var/lib/kolla/haproxy/haproxy.sock stdio > /dev/null
