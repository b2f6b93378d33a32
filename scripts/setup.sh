#!/usr/bin/env bash
# Installs what this project needs and is missing; skips what is already there at the right
# version, so running it twice costs seconds. Usage:
#   scripts/setup.sh build   # Rust wasm target, trunk, wasm-bindgen-cli, npm tools (wasm-opt)
#   scripts/setup.sh test    # the above, plus rustfmt/clippy, Chromium, Firefox ESR, WebKitGTK for browser tests
# Needs: rustup/cargo, node/npm, and root for apt-get (Chromium) on a bare machine.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODE="${1:-test}"
TRUNK_VERSION="0.21.14"
GECKODRIVER_VERSION="0.37.1"
export PATH="$HOME/.cargo/bin:$ROOT/e2e/node_modules/.bin:$PATH"

say() { printf '[setup] %s\n' "$*"; }

# The wasm-bindgen CLI must match the wasm-bindgen crate exactly; Cargo.lock is the truth.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    say "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_rust_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "wasm32-unknown-unknown target: present"
  else
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_rust_components() {
  local missing=()
  cargo fmt --version >/dev/null 2>&1 || missing+=(rustfmt)
  cargo clippy --version >/dev/null 2>&1 || missing+=(clippy)
  if [ ${#missing[@]} -gt 0 ]; then rustup component add "${missing[@]}"; else say "rustfmt, clippy: present"; fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
    say "trunk $TRUNK_VERSION: present"
  else
    say "installing trunk $TRUNK_VERSION (15-20 min on a cold machine)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
}

ensure_wasm_bindgen() {
  local want
  want="$(wasm_bindgen_version)"
  [ -n "$want" ] || { echo "[setup] cannot read the wasm-bindgen version from Cargo.lock" >&2; exit 1; }
  if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $want" ]; then
    say "wasm-bindgen-cli $want: present"
  else
    say "installing wasm-bindgen-cli $want (about 7 min on a cold machine)"
    # No --locked: the CLI's own lockfile names a crate version the registry lacks.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

ensure_node() {
  if command -v node >/dev/null && command -v npm >/dev/null; then
    say "node $(node --version): present"
  else
    apt_install nodejs npm
  fi
}

# npm packages (wasm-opt from `binaryen`, playwright-core) pinned by e2e/package-lock.json.
# The stamp records which lockfile node_modules was installed from.
ensure_npm_packages() {
  local stamp="$ROOT/e2e/node_modules/.lock-stamp"
  local sum
  sum="$(sha256sum "$ROOT/e2e/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
    say "npm packages: present ($(wasm-opt --version 2>/dev/null || echo 'wasm-opt ?'))"
  else
    say "npm ci in e2e/"
    (cd "$ROOT/e2e" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$sum" >"$stamp"
  fi
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then
    say "chromium: present ($(/usr/bin/chromium --version 2>/dev/null || true))"
  else
    apt_install chromium
  fi
}

# Firefox and WebKit for the cross-browser smoke suite (driven over WebDriver).
ensure_cross_browsers() {
  local missing=()
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || missing+=(xvfb)
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; else say "firefox-esr, WebKitWebDriver, Xvfb: present"; fi
  if [ "$(geckodriver --version 2>/dev/null | head -n 1 | cut -d' ' -f2)" = "$GECKODRIVER_VERSION" ]; then
    say "geckodriver $GECKODRIVER_VERSION: present"
  else
    say "installing geckodriver $GECKODRIVER_VERSION (a few minutes on a cold machine)"
    cargo install --locked geckodriver --version "$GECKODRIVER_VERSION"
  fi
}

ensure_rust_target
ensure_node
ensure_npm_packages
ensure_trunk
ensure_wasm_bindgen
case "$MODE" in
  build) ;;
  test)
    ensure_rust_components
    ensure_chromium
    ensure_cross_browsers
    ;;
  *) echo "usage: scripts/setup.sh [build|test]" >&2; exit 2 ;;
esac
say "ready"
