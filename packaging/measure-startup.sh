#!/usr/bin/env bash
# Measures how long the packaged Weir takes to start, with and without class-data sharing (CDS).
#
#   packaging/measure-startup.sh [--runs N] [--image DIR] [--mode window|version]
#
# window  (default) starts the app image's console under a private Xvfb and times from launch until its first
#         window is mapped (polls xdotool search --onlyvisible --pid). Needs Xvfb and xdotool
#         (apt-get install xvfb xdotool).
# version times `weir --version`: the JVM, the runtime image and the class path, without JavaFX. It is the
#         stand-in until the console is built; the window mode says so and falls back to it.
#
# Each mode is run three ways:
#   packaged  as installed: the runtime's CDS archive of JDK classes (jlink --generate-cds-archive)
#   no-cds    -Xshare:off, for comparison
#   app-cds   an AppCDS archive of the app's and JavaFX's classes too, written by one training run of the same
#             command (-XX:ArchiveClassesAtExit) and then used (-XX:SharedArchiveFile)
# and reports the minimum and median wall time of N runs (default 10) and the median CPU time (user+sys), which
# other load on the machine disturbs less than wall time. The image comes from ./mvnw -B package on Linux.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
runs=10
image="$here/target/jpackage/app-image/weir"
mode=window
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --image) image=$2; shift 2 ;;
    --mode) mode=$2; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--image DIR] [--mode window|version]" >&2; exit 2 ;;
  esac
done
weir="$image/bin/weir"
[ -x "$weir" ] || { echo "measure: no $weir; build it with ./mvnw -B package (Linux)" >&2; exit 1; }
work=$(mktemp -d)
xvfb_pid=""
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

now_ms() { date +%s%3N; }
# Runs "$@" with JAVA_TOOL_OPTIONS=$1 when $1 is not empty (set but empty, the JVM still prints "Picked up").
with_options() { local options=$1; shift; if [ -n "$options" ]; then JAVA_TOOL_OPTIONS="$options" "$@"; else "$@"; fi; }

# Prints "wall_ms cpu_ms" for one `weir --version` with JAVA_TOOL_OPTIONS=$1.
time_version() {
  local start end cpu
  start=$(now_ms)
  cpu=$(with_options "$1" /usr/bin/time -f '%U %S' "$weir" --version 2>&1 >/dev/null | tail -n 1)
  end=$(now_ms)
  echo "$((end - start)) $(awk '{printf "%d", ($1 + $2) * 1000}' <<<"$cpu")"
}

# Prints "wall_ms cpu_ms" from launching the console to its first visible window, then closes it (SIGTERM).
time_window() {
  local start end pid cpu
  start=$(now_ms)
  # exec, so that $! is the launcher itself (the JVM runs inside it), whose windows carry its pid.
  ( if [ -n "$1" ]; then export JAVA_TOOL_OPTIONS="$1"; fi; exec "$weir" >"$work/console.out" 2>"$work/console.err" ) &
  pid=$!
  # Poll every 20 ms: xdotool's own --sync waits half a second between looks, too coarse for this.
  local deadline=$((start + 30000))
  until xdotool search --onlyvisible --pid "$pid" >/dev/null 2>&1; do
    if [ "$(now_ms)" -gt "$deadline" ] || ! kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
      return 1
    fi
    sleep 0.02
  done
  end=$(now_ms)
  cpu=$(awk '{printf "%d", ($14 + $15) * 1000 / ticks}' ticks="$(getconf CLK_TCK)" "/proc/$pid/stat")
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "$((end - start)) $cpu"
}

# Reads "wall cpu" lines; prints "min / median wall, median cpu".
summarise() {
  local samples walls cpus
  samples=$(cat)
  walls=$(cut -d' ' -f1 <<<"$samples" | sort -n)
  cpus=$(cut -d' ' -f2 <<<"$samples" | sort -n)
  local n; n=$(wc -l <<<"$walls")
  printf 'wall min %5d ms, median %5d ms; CPU median %5d ms' \
    "$(head -n 1 <<<"$walls")" "$(sed -n "$(((n + 1) / 2))p" <<<"$walls")" "$(sed -n "$(((n + 1) / 2))p" <<<"$cpus")"
}

measure() { # mode label java-tool-options
  local i
  for ((i = 0; i < runs; i++)); do "time_$1" "$3" || return 1; done | summarise
}

if [ "$mode" = window ]; then
  command -v Xvfb >/dev/null && command -v xdotool >/dev/null \
    || { echo "measure: window mode needs Xvfb and xdotool (apt-get install xvfb xdotool)" >&2; exit 1; }
  display=":$((90 + RANDOM % 100))"
  Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=$display
  sleep 1
  if ! time_window "" >/dev/null; then
    echo "measure: the console opened no window; it said: $(head -c 300 "$work/console.err")" >&2
    echo "measure: STAND-IN: timing 'weir --version' instead (no JavaFX, no window)" >&2
    mode=version
  fi
fi

case "$mode" in
  window) what="launch to first visible window" ;;
  version) what="weir --version (stand-in for the console's start)" ;;
  *) echo "measure: unknown mode $mode" >&2; exit 2 ;;
esac
echo "measure: $what, $runs runs each, image $image ($(du -sh "$image" | cut -f1)), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
echo "packaged  $(measure "$mode" packaged '')"
echo "no-cds    $(measure "$mode" no-cds '-Xshare:off')"
# One training run writes the AppCDS archive on exit; the timed runs then map it.
"time_$mode" "-XX:ArchiveClassesAtExit=$work/weir-app.jsa" >/dev/null 2>&1 || true
if [ -f "$work/weir-app.jsa" ]; then
  echo "app-cds   $(measure "$mode" app-cds "-XX:SharedArchiveFile=$work/weir-app.jsa") (archive $(du -h "$work/weir-app.jsa" | cut -f1))"
else
  echo "app-cds   the training run wrote no archive"
fi
