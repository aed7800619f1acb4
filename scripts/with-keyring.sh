#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring (a real Secret Service), in
# temporary XDG folders, so keytar talks to a real keychain without touching the user's own.
# Nested calls reuse the session that is already running.
set -euo pipefail
if [ "${HFC_KEYRING_SESSION:-}" = "1" ]; then exec "$@"; fi
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: '$tool' is missing. Install the Linux prerequisites (see README.md):" >&2
    echo "  apt-get install -y --no-install-recommends build-essential python3 pkg-config libsecret-1-dev gnome-keyring dbus chromium xvfb xauth" >&2
    exit 127
  fi
done
KR=$(mktemp -d -t hfc-keyring.XXXXXX)
trap 'rm -rf "$KR"' EXIT
mkdir -p "$KR/data" "$KR/run"
chmod 700 "$KR/run"
export XDG_DATA_HOME="$KR/data" XDG_RUNTIME_DIR="$KR/run" HFC_KEYRING_SESSION=1
# --unlock (not --start) creates and unlocks a fresh login keyring; "Failed to set fd limit" on stderr is harmless.
dbus-run-session -- bash -c '
  printf %s test-pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>"$XDG_RUNTIME_DIR/keyring.err" || {
    echo "with-keyring: gnome-keyring-daemon failed:" >&2; cat "$XDG_RUNTIME_DIR/keyring.err" >&2; exit 1; }
  exec "$@"' with-keyring "$@"
