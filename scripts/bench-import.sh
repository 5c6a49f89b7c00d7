#!/usr/bin/env bash
# Benchmark: sustained registrations per second of `drr asset import` against anvil.
#
#   scripts/bench-import.sh            # 10,000 rows
#   ROWS=500 scripts/bench-import.sh   # a quick run
#
# Starts its own anvil on a free port with interval mining (automine stalls under this load),
# deploys a registry, onboards one GD enterprise, generates a manifest of ROWS distinct
# fingerprints and imports it with the real ./drr launcher. Prints the import's report and one
# summary line. Everything lives in a temporary folder that is removed afterwards.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
rows=${ROWS:-10000}
port=${PORT:-$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
work=$(mktemp -d)
anvil_pid=

cleanup() {
  if [ -n "$anvil_pid" ]; then
    # The npm launcher does not forward signals: stop its child (the anvil binary) too.
    pkill -TERM -P "$anvil_pid" 2>/dev/null || true
    kill "$anvil_pid" 2>/dev/null || true
    wait "$anvil_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

./drr --version >/dev/null   # builds on first use

node_modules/.bin/anvil --port "$port" --hardfork cancun --block-time 1 \
  --gas-limit 1000000000 --base-fee 0 --gas-price 0 --silent >"$work/anvil.log" 2>&1 &
anvil_pid=$!
rpc="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  curl -s -o /dev/null -X POST -H 'Content-Type: application/json' \
    --data '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "$rpc" && break
  sleep 0.2
done

echo bench > "$work/password"
export DRR_HOME="$work" DRR_RPC_URL="$rpc"
drr() { ./drr --password-file "$work/password" "$@"; }
# anvil's well-known dev keys 0, 1 and 4 (public test mnemonic; worthless outside a dev chain).
echo ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80 \
  | drr account import deployer --kdf LIGHT --private-key-file - >/dev/null
echo 59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d \
  | drr account import gd-authority --kdf LIGHT --private-key-file - >/dev/null
echo 47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a \
  | drr account import importer --kdf LIGHT --private-key-file - >/dev/null
drr --from deployer deploy --authority GD=gd-authority >/dev/null
drr --from gd-authority participant register importer --region GD --kind ENTERPRISE \
  --name "Bench Importer" --registry-id BENCH-1 >/dev/null

node -e '
  const crypto = require("crypto");
  const rows = Number(process.argv[1]);
  const out = ["content_hash,title,scenario,category,classification,sector"];
  for (let i = 1; i <= rows; i++) {
    const h = crypto.createHash("sha256").update("bench-row-" + i).digest("hex");
    out.push(`0x${h},Dataset ${i},bulk import benchmark,ENTERPRISE,GENERAL,finance`);
  }
  require("fs").writeFileSync(process.argv[2], out.join("\n") + "\n");
' "$rows" "$work/manifest.csv"

echo "importing $rows rows into anvil at $rpc (block time 1 s)…" >&2
start=$(date +%s.%N)
drr --from importer --json asset import "$work/manifest.csv" ${IMPORT_ARGS:-} > "$work/report.json" 2>"$work/err.txt" || true; cat "$work/err.txt" >&2
end=$(date +%s.%N)
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const wall = Number(process.argv[2]);
  console.log(`rows=${r.rows} registered=${r.registered} failed=${r.failed} ` +
    `import_seconds=${r.seconds} registrations_per_second=${r.registrationsPerSecond} ` +
    `wall_seconds_including_jvm_and_manifest_hashing=${wall.toFixed(1)}`);
' "$work/report.json" "$(echo "$end - $start" | bc)"
