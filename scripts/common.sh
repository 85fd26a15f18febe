# Shared by scripts/run and scripts/test. Sourced, not executed.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

# Let every clone of the repository share ccache's results (paths are hashed relative to it).
export CCACHE_BASEDIR="$repo"
export CCACHE_NOHASHDIR=1

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Configure and build one CMake preset, reusing an existing build tree.
build_preset() {
  local preset=$1
  log "configure ($preset)"
  cmake --preset "$preset" >/dev/null
  log "build ($preset)"
  cmake --build --preset "$preset" -- -j"${PGDIAL_JOBS:-$(nproc)}"
}
