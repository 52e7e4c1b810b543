#!/usr/bin/env bash
# Sets up a fresh machine: Debian's Chromium, Firefox ESR and CJK fonts for the browser tests (only when missing), then the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/firefox-esr ] || need_apt+=(firefox-esr)
fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || need_apt+=(fonts-noto-cjk)  # no -q: an early grep exit makes fc-list fail with SIGPIPE under pipefail
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then as_root=(); elif command -v sudo >/dev/null; then as_root=(sudo); else as_root=(); fi
  if [ "$(id -u)" -ne 0 ] && [ ${#as_root[@]} -eq 0 ]; then
    # Without root the npm setup still runs: the CLI and unit tests work, only the browser tests need these packages.
    echo "setup: need root (or sudo) to install ${need_apt[*]}; the browser tests (npm run test:e2e) will fail without them" >&2
  else
    echo "setup: installing ${need_apt[*]} from Debian's packages"
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" fontconfig >/dev/null
  fi
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
