# Sourced by ./drr, scripts/test.sh and .ci/run: installs the pinned npm tooling (solc, anvil,
# cast) exactly as package-lock.json records it.
#
# Not `npm ci`: the lock can only list the optional per-platform binaries of anvil and cast that
# the registry here serves (linux-amd64), and `npm ci` refuses a lock that lacks the others.
# `npm install` with the committed lock and exact versions in package.json installs the same
# locked versions and leaves the lock unchanged.

drr_install_npm_tools() {
  local root=$1
  (cd "$root" && npm install --no-audit --no-fund --no-save --loglevel=error) \
    || { echo "drr: npm install of the pinned tooling failed" >&2; return 1; }
  for tool in solc @foundry-rs/anvil @foundry-rs/cast; do
    [ -d "$root/node_modules/$tool" ] \
      || { echo "drr: $tool missing from node_modules after npm install" >&2; return 1; }
  done
}

drr_npm_tools_current() {
  local root=$1
  [ -d "$root/node_modules/solc" ] && [ -d "$root/node_modules/@foundry-rs/anvil" ] \
    && [ -d "$root/node_modules/@foundry-rs/cast" ] \
    && [ ! "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]
}
