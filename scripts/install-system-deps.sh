#!/usr/bin/env bash
# Debian packages the test suite needs (real Chromium for renderer/e2e tests, Arabic fonts, Xvfb,
# xmllint and translate-toolkit to check exports with independent tools). Idempotent: installs
# only what is missing. Needs root (CI runs as root); prints what it would install otherwise.
set -euo pipefail
need=()
[ -x /usr/lib/chromium/chromium ] || need+=(chromium)
# not `fc-list | grep -q`: grep exits at the first hit, fc-list then dies of SIGPIPE and pipefail
# reports the font missing, so every run called apt-get (a network step CI does not need)
fonts=$(fc-list : family 2>/dev/null || true)
grep -qi "Noto Naskh Arabic" <<<"$fonts" || need+=(fonts-noto-core)
command -v xvfb-run >/dev/null || need+=(xvfb)
command -v xmllint >/dev/null || need+=(libxml2-utils)
command -v xliff2po >/dev/null || need+=(translate-toolkit)  # translate-toolkit 3.8 has no tmx2po
if [ ${#need[@]} -eq 0 ]; then echo "system packages: all present"; exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "missing Debian packages: ${need[*]} (run as root or: sudo apt-get install ${need[*]})" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
