# Shared by scripts/run and scripts/test. Sourced, not executed.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

# Let every clone of the repository share ccache's results (paths are hashed relative to it).
export CCACHE_BASEDIR="$repo"
export CCACHE_NOHASHDIR=1
# The targets use precompiled headers, which ccache refuses to cache without this.
export CCACHE_SLOPPINESS=${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}

# Every line says when (clock time and minutes since the outermost script started) and how much CPU
# the script's finished child processes have used so far: on a shared machine wall times swing with
# the load, CPU seconds do not, so phases are compared by both.
export PGDIAL_LOG_T0=${PGDIAL_LOG_T0:-$(date +%s)}
pgdial_clk_tck=$(getconf CLK_TCK 2>/dev/null || echo 100)
log() {
  local elapsed=$(( $(date +%s) - PGDIAL_LOG_T0 )) cpu
  cpu=$(awk -v tck="$pgdial_clk_tck" '{ sub(/^.*\) /, ""); printf "%d", ($14 + $15) / tck }' /proc/$$/stat 2>/dev/null || echo 0)
  printf '\033[1m==> %s +%d:%02d cpu %ss  %s\033[0m\n' "$(date +%T)" $((elapsed / 60)) $((elapsed % 60)) "$cpu" "$*" >&2
}

# Configure and build one CMake preset (all of it, or the given targets), reusing an existing build tree.
build_preset() {
  local preset=$1
  shift
  local targets=()
  (($#)) && targets=(--target "$@")
  log "configure ($preset)"
  cmake --preset "$preset" >/dev/null
  log "build ($preset${1:+: $*})"
  cmake --build --preset "$preset" "${targets[@]}" -- -j"${PGDIAL_JOBS:-$(nproc)}"
}
