#!/bin/sh
# Installs code-server (VS Code in the browser, pinned in package-lock.json)
# for the extension's end-to-end test (make e2e-vscode-install).
#
# Needs Node.js 20, a C++ toolchain (make, g++, python3) and the npm registry,
# nothing else: code-server's own postinstall would fetch from GitHub (a
# proxy-agent commit, ripgrep, kerberos prebuilds) and nodejs.org (headers),
# so this script does its steps itself:
# - @vscode/proxy-agent 0.27.0 is locked to a GitHub commit whose tarball has
#   the same sha512 as the npm registry's 0.27.0: it comes from the registry,
#   and npm still checks that integrity;
# - native modules build against the installed node's headers (/usr/include/node);
# - left out: ripgrep (Quick Open and search: the test opens files from the
#   Explorer) and kerberos (proxy authentication; needs libkrb5-dev).
set -eu
cd "$(dirname "$0")"
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/common.gypi ]; then
  export npm_config_nodedir=/usr
fi
npm ci --ignore-scripts --no-audit --no-fund
npm rebuild --foreground-scripts argon2 # code-server's password hashing, loaded at start

vscode=node_modules/code-server/lib/vscode
git_agent='git+ssh://git@github.com/microsoft/vscode-proxy-agent.git#0803e0a7d1249bcb64ae9d256d0ee732b7246ea5'
npm_agent='https://registry.npmjs.org/@vscode/proxy-agent/-/proxy-agent-0.27.0.tgz'
sed -i "s|\"$git_agent\"|\"$npm_agent\"|" "$vscode/npm-shrinkwrap.json"
grep -q "\"$npm_agent\"" "$vscode/npm-shrinkwrap.json"
(
  cd "$vscode"
  npm install --omit=dev --ignore-scripts --no-audit --no-fund # as its postinstall does: the shrinkwraps are not in sync for npm ci
  npm rebuild --foreground-scripts @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog node-pty
  ln -sfn node_modules node_modules.asar
  ln -sfn code-linux.sh bin/remote-cli/code-server
  ln -sfn browser-linux.sh bin/helpers/browser.sh
  cd extensions
  npm install --omit=dev --ignore-scripts --no-audit --no-fund # as its postinstall does: the shrinkwraps are not in sync for npm ci
)
touch node_modules/.installed
echo "code-server $(node -p "require('./node_modules/code-server/package.json').version") installed in $(pwd)/node_modules"
