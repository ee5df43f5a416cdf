#!/usr/bin/env bash
# Times `socialprescribing validate` against bench-validate.mjs (Ajv 2020, the schema compiled once)
# over the same 10,000 small documents: copies of the referral fixtures in a temporary directory, nine
# in ten of them valid. Uses hyperfine when it is installed (RUNS runs each, default 10; medians),
# else times each five times. Run from
# anywhere; needs `npm ci` in this directory first.
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

if command -v hyperfine >/dev/null; then
  printf '%s\n' "$go_cmd" >"$tmp/go.sh"
  printf '%s\n' "$node_cmd" >"$tmp/node.sh"
  hyperfine -N --warmup 1 --runs "${RUNS:-10}" -i --export-json "$tmp/times.json" \
    -n "socialprescribing validate" "bash $tmp/go.sh" -n "node + Ajv 2020" "bash $tmp/node.sh"
  # Medians: on a shared machine a mean carries the runs that waited for a CPU.
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).results;
    const cpu = (x) => x.user + x.system;
    for (const x of r) console.log(`${x.command}: median ${(x.median * 1000).toFixed(0)} ms wall, ${(cpu(x) * 1000).toFixed(0)} ms CPU (user + system, mean)`);
    console.log(`node / go: ${(r[1].median / r[0].median).toFixed(2)}x wall (medians), ${(cpu(r[1]) / cpu(r[0])).toFixed(2)}x CPU`);
  ' "$tmp/times.json"
else
  for cmd in "$go_cmd" "$node_cmd"; do
    echo "${cmd%% *}"
    for _ in 1 2 3 4 5; do /usr/bin/time -f '%e s wall, %U s user, %S s system' $cmd >/dev/null 2>"$tmp/time" || true; tail -1 "$tmp/time"; done
  done
fi
