#!/usr/bin/env bash
# Set up zwgk from nothing: a virtual environment in .venv with the project installed.
# `scripts/setup.sh --test` also installs what the tests need: the test extras and Debian's
# chromium (for the report tests in a real browser), CJK fonts (readable screenshots) and
# postgresql (the store's tests start a throwaway server).
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "zwgk needs Python 3.11 or newer (found: $("$python" --version 2>&1))." >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true

extras=""
if [ "${1:-}" = "--test" ]; then
  extras="[test,bench,redis,postgres]"
  need=()
  [ -x /usr/bin/chromium ] || need+=(chromium)
  # Not `grep -q`: it stops reading early, fc-list dies of SIGPIPE and pipefail fails the check at random.
  fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk)
  command -v postgres >/dev/null || compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null \
    || need+=(postgresql)
  if [ ${#need[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing Debian packages for the tests: ${need[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
  fi
fi
.venv/bin/python -m pip install --quiet -e ".${extras}" 2>&1 | grep -v "^WARNING: Location" || true
echo "zwgk is installed in .venv ($(.venv/bin/zwgk --version))."
