#!/usr/bin/env bash
# Times `socialprescribing validate` against bench-validate.mjs (Ajv 2020, the schema compiled once)
# over the same 10,000 small documents: copies of the referral fixtures in a temporary directory, nine
# in ten of them valid. Run from anywhere; needs `npm ci` in this directory first.
#
#   bash schema/conformance/bench-validate.sh [N]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
n="${1:-10000}"
name=referral.referral

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mapfile -t valid < <(ls "$root"/referral/testdata/valid/referral.*.json)
mapfile -t invalid < <(ls "$root"/referral/testdata/invalid/referral.*.json)
for ((i = 0; i < n; i++)); do
  if ((i % 10 == 9)); then src="${invalid[$(((i / 10) % ${#invalid[@]}))]}"; else src="${valid[$((i % ${#valid[@]}))]}"; fi
  cp "$src" "$tmp/doc-$(printf '%05d' "$i").json"
done
(cd "$root" && go build -o "$tmp/socialprescribing" ./cmd/socialprescribing)
files=("$tmp"/doc-*.json)
echo "$n files, $(du -sh --apparent-size "$tmp" | cut -f1) in all"

go_cmd="$tmp/socialprescribing validate $name ${files[*]}"
node_cmd="node $here/bench-validate.mjs $name ${files[*]}"
# Both exit 1 (some documents are invalid); check they agree on which.
gv=$($go_cmd 2>&1 | grep -c ': valid ' || true)
nv=$($node_cmd 2>&1 | grep -c ': valid ' || true)
echo "valid documents: go $gv, ajv $nv (the Go-only rules make go accept fewer)"

# The two commands run alternately, RUNS times each (default 11), so that a change in the machine's
# load falls on both; the medians are reported. On a shared machine a mean carries the runs that
# waited for a CPU.
runs="${RUNS:-11}"
TIMEFORMAT='%R %U %S'
: >"$tmp/go.times"
: >"$tmp/node.times"
$go_cmd >/dev/null 2>&1 || true # warm the page cache and the binaries
$node_cmd >/dev/null 2>&1 || true
for ((r = 0; r < runs; r++)); do
  { time $go_cmd >/dev/null 2>&1; } 2>>"$tmp/go.times" || true
  { time $node_cmd >/dev/null 2>&1; } 2>>"$tmp/node.times" || true
done
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
gw=$(cut -d' ' -f1 "$tmp/go.times" | median)
nw=$(cut -d' ' -f1 "$tmp/node.times" | median)
gc=$(awk '{print $2 + $3}' "$tmp/go.times" | median)
nc=$(awk '{print $2 + $3}' "$tmp/node.times" | median)
echo "socialprescribing validate: median $gw s wall, $gc s CPU (user + system), $runs runs"
echo "node + Ajv 2020:            median $nw s wall, $nc s CPU (user + system), $runs runs"
awk -v gw="$gw" -v nw="$nw" -v gc="$gc" -v nc="$nc" 'BEGIN {printf "node / go: %.2fx wall, %.2fx CPU (medians)\n", nw / gw, nc / gc}'
