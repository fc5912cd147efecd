#!/bin/sh
# usage: interfaces.sh HOST
# Prints the interfaces of the current network namespace as one JSON object:
# {"host": HOST, "interfaces": {"eth0": {"kind": "veth", "mtu": 1500,
#   "offloads": {"tcp-segmentation-offload": "on", ...}}, ...}}
# (the offloads are those of ethtool -k that matter for TCP through veths, bridges and tunnels).
features='^(rx-checksumming|tx-checksumming|scatter-gather|tcp-segmentation-offload|generic-segmentation-offload|generic-receive-offload|large-receive-offload|rx-gro-list|rx-udp-gro-forwarding|tx-udp_tnl-segmentation|tx-udp_tnl-csum-segmentation)$'

printf '{"host":"%s","interfaces":{' "$1"
sep=''
for dev in $(ls /sys/class/net); do
  kind=$(ip -d -j link show dev "$dev" | grep -o '"info_kind":"[^"]*"' | head -n 1 | cut -d'"' -f4)
  offloads=$(ethtool -k "$dev" 2>/dev/null | awk -F': ' -v features="$features" 'NR > 1 && $1 ~ features { split($2, v, " "); printf "%s\"%s\":\"%s\"", (n++ ? "," : ""), $1, v[1] }')
  printf '%s"%s":{"kind":"%s","mtu":%s,"offloads":{%s}}' "$sep" "$dev" "$kind" "$(cat /sys/class/net/"$dev"/mtu)" "$offloads"
  sep=','
done
printf '}}\n'
