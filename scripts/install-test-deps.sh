#!/usr/bin/env bash
# Installs what the real-editor tests need and nothing else; idempotent, and quick when all is there.
#   - Debian's chromium (driven by playwright-core), for the VS Code tests (test/vscode/);
#   - Debian's neovim (0.7), a third-party LSP client for test/lsp-features/neovim.test.ts;
#   - Debian's pre-commit (the framework that runs our .pre-commit-hooks.yaml, test/integrations/);
#   - code-server 4.100.3 from npm (VS Code 1.100.3 in a browser), into a cache folder outside the repo;
#     its install builds native modules with node-gyp, and the kerberos one needs Debian's libkrb5-dev
#     (gssapi/gssapi.h).
# Offline-safe: only the npm registry and Debian's apt are used. See test/vscode/README.md.
# Env: JOURNEY_TEST_CACHE (default ~/.cache/journey-test) — where code-server is installed.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
# lib/vscode of code-server 4.100.3 pins @vscode/ripgrep 1.15.11, whose postinstall downloads ripgrep from
# GitHub unless it finds this tarball in $TMPDIR first.
RIPGREP_PKG_VERSION=1.15.11
RIPGREP_TARBALL=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

cache="${JOURNEY_TEST_CACHE:-$HOME/.cache/journey-test}"
log() { printf 'install-test-deps: %s\n' "$*"; }

# --- apt: chromium, neovim, pre-commit (apt-get update only when the package is not known yet) ---------------------------------
apt_missing=()
command -v chromium >/dev/null 2>&1 || apt_missing+=(chromium)
command -v nvim >/dev/null 2>&1 || apt_missing+=(neovim)
command -v pre-commit >/dev/null 2>&1 || apt_missing+=(pre-commit)
[ -f /usr/include/gssapi/gssapi.h ] || apt_missing+=(libkrb5-dev)
{ command -v make && command -v g++; } >/dev/null 2>&1 || apt_missing+=(build-essential)
if [ ${#apt_missing[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
        log "missing ${apt_missing[*]} and not root: install them with apt-get" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-cache show "${apt_missing[@]}" >/dev/null 2>&1; then
        apt-get update -qq
    fi
    log "apt-get install ${apt_missing[*]}"
    if ! apt-get install -y -qq "${apt_missing[@]}" >/dev/null; then
        # Package lists too old for the mirror (404 on a .deb): read them again once.
        apt-get update -qq
        apt-get install -y -qq "${apt_missing[@]}" >/dev/null
    fi
fi

# --- code-server from npm --------------------------------------------------------------------------------------
prefix="$cache/code-server-$CODE_SERVER_VERSION"
bin="$prefix/node_modules/.bin/code-server"
if [ -x "$bin" ] && [ -f "$prefix/.installed" ]; then
    log "code-server $CODE_SERVER_VERSION already in $prefix"
    exit 0
fi

log "installing code-server $CODE_SERVER_VERSION into $prefix (about a minute)"
rm -rf "$prefix"
mkdir -p "$prefix"
# A TMPDIR of our own holding ripgrep where @vscode/ripgrep's postinstall looks for it.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
rgcache="$tmp/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
mkdir -p "$rgcache"
# The only version on npm; it holds package/bin/rg (ripgrep 15), which VS Code's search runs fine.
(cd "$tmp" && npm pack --silent @vscode/ripgrep-linux-x64@1.18.0 >/dev/null && tar xzf vscode-ripgrep-linux-x64-1.18.0.tgz)
tar czf "$rgcache/$RIPGREP_TARBALL" -C "$tmp/package/bin" rg
echo '{"private":true}' > "$prefix/package.json"
# node-gyp builds against the installed Node's headers (Debian's nodejs ships them in /usr/include/node)
# instead of downloading them, which needs the internet.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then
    export npm_config_nodedir=/usr
fi
# npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which a `yes=false` npmrc would cancel.
# npm_config_unsafe_perm: code-server's postinstall refuses to run as root without it (npm 11 warns that it
# does not know the option; the script only reads the variable).
if ! TMPDIR="$tmp" npm_config_yes=true npm_config_unsafe_perm=true npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error \
        "code-server@$CODE_SERVER_VERSION" > "$tmp/npm.log" 2>&1; then
    tail -40 "$tmp/npm.log" >&2
    log "code-server install failed" >&2
    exit 1
fi
touch "$prefix/.installed"
log "code-server ready: $bin"
