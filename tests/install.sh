#!/usr/bin/env bash
# Installs everything the test suite needs, on a fresh Debian machine as root or on a developer's machine:
# Debian's chromium and CJK fonts (browser tests), Java (the Nu HTML checker), the package with its test extras
# into the virtual environment .venv (made here when missing: a stock Debian or Ubuntu Python refuses
# `pip install` outside one, PEP 668), and the npm packages axe-core and vnu-jar (pinned in tests/package.json).
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need_apt+=(fonts-noto-cjk)
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-calc-nogui)  # opens the exported ledgers
# Debian's python3 makes a virtual environment only with python3-venv (ensurepip) installed
[ -x .venv/bin/python ] || python3 -c "import ensurepip" >/dev/null 2>&1 || need_apt+=(python3-venv)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "missing system packages: ${need_apt[*]} (install them with: sudo apt-get install ${need_apt[*]})" >&2
    exit 1
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
if [ -f tests/package.json ]; then
  (cd tests && npm install --silent --no-audit --no-fund >/dev/null)
fi
