#!/usr/bin/env bash
# The package as a user gets it: pack the project, install the tarball into
# a fresh project from the local npm cache (nothing fetched that `npm ci`
# did not already fetch), and there
#   1. run a plain-node ESM script that imports by package name, starts the
#      packaged exchange, logs in, subscribes, places and cancels an order,
#      logs out and exits 0;
#   2. compile a bot with tsc (NodeNext, strict and stricter flags, no
#      skipLibCheck) with zero errors, and see a misspelled payload name fail;
#   3. require() the package from CommonJS;
#   4. run `smarkets --version`, `--help`, and `smarkets ping` against
#      `smarkets exchange`, both from the installed package.
# Run by CI (.ci/run) and by hand: `npm run check-package`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
fixtures="$root/tests/package/fixtures"
work=$(mktemp -d "${TMPDIR:-/tmp}/smarkets-package.XXXXXX")
exchange_pid=""
cleanup() {
  if [ -n "$exchange_pid" ]; then kill "$exchange_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

step() { echo "-- $*"; }
fail() { echo "check-package: $*" >&2; exit 1; }

step "npm pack (prepack builds dist/)"
tarball=$(npm pack --silent --pack-destination "$work")
tarball="$work/$tarball"
echo "packed $(basename "$tarball") ($(du -k "$tarball" | cut -f1) KiB)"

step "install the tarball into a fresh project, offline"
app="$work/app"
mkdir "$app"
cd "$app"
cat > package.json <<'JSON'
{ "name": "smarkets-package-check", "private": true, "type": "module" }
JSON
# The package's dependencies and the compiler are named by their registry
# tarball URLs, at the versions the project's lockfile pins: `npm ci` cached
# exactly those, so --offline finds every one without asking the registry.
registry=$(npm config get registry)
specs=$(ROOT="$root" REGISTRY="${registry%/}/" node -e '
  const root = process.env.ROOT;
  const lock = require(`${root}/package-lock.json`).packages;
  const wanted = [...Object.keys(require(`${root}/package.json`).dependencies ?? {}), "typescript", "@types/node"];
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const entry = lock[`node_modules/${name}`];
    if (!entry) throw new Error(`${name} is not in package-lock.json`);
    console.log(`${process.env.REGISTRY}${name}/-/${name.split("/").pop()}-${entry.version}.tgz`);
    Object.keys(entry.dependencies ?? {}).forEach(visit);
  };
  wanted.forEach(visit);
')
# shellcheck disable=SC2086
npm install --offline --no-audit --no-fund --loglevel=error "$tarball" $specs
installed=$(node -p "Object.keys(require('./package-lock.json').packages).filter(p => p).join(' ')")
echo "installed: $installed"
case " $installed " in *tsx*|*esbuild*|*ts-proto*|*"@bufbuild/buf"*|*ava*) fail "a development tool was installed with the package: $installed" ;; esac

step "1. plain node, ESM, by package name: exchange, login, subscribe, order, cancel, logout"
cp "$fixtures/session.mjs" .
node session.mjs

step "2. tsc on a NodeNext strict project: a bot with a typed handler map and ./protocol types"
cp "$fixtures/tsconfig.json" "$fixtures/bot.ts" .
npx --no-install tsc -p tsconfig.json
# `await using` needs only @types/node's declarations of the disposal symbols, not lib esnext.disposable.
npx --no-install tsc -p tsconfig.json --lib ES2022
echo "bot.ts: 0 errors (lib ES2022 + esnext.disposable, and lib ES2022 alone)"
sed 's/"seto.order_accepted": (accepted/"seto.order_acepted": (accepted/' bot.ts > bot-misspelled.ts
grep -q '"seto.order_acepted"' bot-misspelled.ts || fail "the misspelling was not made"
sed -i 's/"bot.ts"/"bot-misspelled.ts"/' tsconfig.json
if npx --no-install tsc -p tsconfig.json > tsc-misspelled.txt; then fail "a misspelled payload name compiled"; fi
grep -q "seto.order_acepted" tsc-misspelled.txt || { cat tsc-misspelled.txt; fail "tsc failed, but not on the misspelled name"; }
echo "bot-misspelled.ts fails to compile: $(grep -m1 'error TS' tsc-misspelled.txt)"

step "3. require() from CommonJS (Node $(node --version))"
cp "$fixtures/require.cjs" .
node require.cjs

step "4. the smarkets command from the installed package"
version=$(npx --no-install smarkets --version)
[ "$version" = "$(node -p "require('$root/package.json').version")" ] || fail "smarkets --version printed $version"
echo "smarkets --version: $version"
npx --no-install smarkets --help | head -n 1
# The installed bin itself (what npx runs), so that the signal reaches it.
./node_modules/.bin/smarkets exchange --port 0 --log-level warn > exchange.out 2> exchange.err &
exchange_pid=$!
for _ in $(seq 1 100); do
  if grep -q '^listening on ' exchange.out; then break; fi
  kill -0 "$exchange_pid" 2>/dev/null || { cat exchange.err; fail "smarkets exchange exited"; }
  sleep 0.1
done
address=$(sed -n 's/^listening on //p' exchange.out | head -n 1)
[ -n "$address" ] || fail "smarkets exchange did not say where it listens"
echo "smarkets exchange: listening on $address"
npx --no-install smarkets ping --count 2 --port "${address##*:}" --plain
kill -INT "$exchange_pid"
wait "$exchange_pid" || fail "smarkets exchange did not exit 0 on SIGINT ($?)"
exchange_pid=""
grep -q "SIGINT: closing" exchange.err || fail "smarkets exchange did not say it was closing"
echo "smarkets exchange: closed on SIGINT, exit 0"

echo "package check: all passed"
