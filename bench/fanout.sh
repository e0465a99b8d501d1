#!/usr/bin/env bash
# Fan-out benchmark: one publisher, many rtmpdump players, against nginx-rtmp and against weir server, one
# after the other on loopback on this machine. Reports each server's CPU per player-second and peak resident
# memory, and Weir's ratios to nginx-rtmp's.
#
#   bench/fanout.sh [PLAYERS=200] [SECONDS=10] [MBPS=8]      (FANOUT_ONLY=nginx: only the nginx half)
#
# Needs: ffmpeg, rtmpdump, nginx with libnginx-mod-rtmp, and Weir built (./weir builds it).
set -euo pipefail
players=${1:-200}; seconds=${2:-10}; mbps=${3:-8}
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/target/bench-fanout"; mkdir -p "$work"
port_nginx=19351; port_weir=19352
hz=$(getconf CLK_TCK)

for tool in ffmpeg rtmpdump nginx; do command -v $tool >/dev/null || { echo "fanout: $tool is missing" >&2; exit 1; }; done
[ -f /usr/lib/nginx/modules/ngx_rtmp_module.so ] || { echo "fanout: libnginx-mod-rtmp is missing" >&2; exit 1; }

src="$work/source-${mbps}mbps.flv"
if [ ! -s "$src" ]; then
  echo "fanout: encoding a 30 s ${mbps} Mb/s source once (H.264 720p30 + AAC)..."
  ffmpeg -v error -y -f lavfi -i "testsrc2=size=1280x720:rate=30" -f lavfi -i "sine=frequency=440:sample_rate=48000" \
    -t 30 -c:v libx264 -preset ultrafast -b:v "${mbps}M" -minrate "${mbps}M" -maxrate "${mbps}M" -bufsize "${mbps}M" \
    -x264-params "nal-hrd=cbr" -g 60 -c:a aac -b:a 128k -f flv "$src"
fi

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }          # utime + stime of the process, all threads
peak_rss_kb() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; }

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

# run NAME SERVER_PID PORT: publish, attach players, measure over the window. Prints "cpu_s rss_kb ok_players".
run() {
  local name=$1 spid=$2 port=$3 url="rtmp://127.0.0.1:$3/live/bench"
  ffmpeg -v error -re -stream_loop -1 -i "$src" -c copy -f flv "$url" & local pub=$!; pids+=($pub)
  sleep 3
  local t0; t0=$(cpu_ticks "$spid")
  local i players_pids=()
  for i in $(seq 1 "$players"); do
    if [ "$i" -le 5 ]; then out="$work/$name-player$i.flv"; else out=/dev/null; fi
    timeout "$((seconds + 2))" rtmpdump -q -v -r "$url" -o "$out" 2>/dev/null & players_pids+=($!)
  done
  pids+=("${players_pids[@]}")
  sleep "$seconds"
  local t1; t1=$(cpu_ticks "$spid")
  local rss; rss=$(peak_rss_kb "$spid")
  for p in "${players_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  kill "$pub" 2>/dev/null || true; wait "$pub" 2>/dev/null || true
  local ok=0 f
  for f in "$work/$name"-player*.flv; do [ "$(stat -c %s "$f")" -gt $((mbps * 1000000 / 8 * seconds / 4)) ] && ok=$((ok + 1)); done
  echo "$(awk -v a="$t0" -v b="$t1" -v hz="$hz" 'BEGIN {printf "%.2f", (b - a) / hz}') $rss $ok"
}

# nginx-rtmp, one worker, no master, so one process carries all the work.
mkdir -p "$work/nginx/logs"
cat > "$work/nginx/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_rtmp_module.so;
daemon off; master_process off; worker_processes 1;
error_log $work/nginx/logs/error.log warn; pid $work/nginx/nginx.pid;
events { worker_connections 4096; }
rtmp { server { listen 127.0.0.1:$port_nginx; chunk_size 4096;
  application live { live on; record off; } } }
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" & npid=$!; pids+=($npid); sleep 1
read -r n_cpu n_rss n_ok < <(run nginx "$npid" "$port_nginx")
kill "$npid"; wait "$npid" 2>/dev/null || true
if [ "${FANOUT_ONLY:-}" = nginx ]; then
  echo "nginx-rtmp: cpu ${n_cpu} s, peak RSS ${n_rss} kB, sampled players ok ${n_ok}/5"; exit 0
fi

# Weir: `weir server`, run as ./weir runs it (weir.jvmopts, then weir-server.jvmopts, JavaFX on the module path),
# except that WEIR_SERVER_OPTS, when set, replaces weir-server.jvmopts (e.g. WEIR_SERVER_OPTS="" for JVM defaults).
. "$root/bin/find-jdk.sh"; weir_find_jdk
"$root/weir" --version >/dev/null          # builds app/target when sources changed
mapfile -t weir_opts < <(grep -v '^[[:space:]]*\(#\|$\)' "$root/app/src/main/jvm/weir.jvmopts")
if [ -n "${WEIR_SERVER_OPTS+set}" ]; then
  read -r -a server_opts <<< "$WEIR_SERVER_OPTS"
else
  mapfile -t server_opts < <(grep -v '^[[:space:]]*\(#\|$\)' "$root/app/src/main/jvm/weir-server.jvmopts")
fi
[ "$WEIR_JAVA_MAJOR" -ge 24 ] && weir_opts+=("--sun-misc-unsafe-memory-access=allow")
"$WEIR_JAVA_HOME/bin/java" "${weir_opts[@]}" "${server_opts[@]}" --module-path "$root/app/target/lib/javafx" \
  -cp "$root/app/target/weir-app.jar:$root/app/target/lib/*" dev.weir.app.Main \
  server -listen "127.0.0.1:$port_weir" -log-level warn > "$work/weir.out" 2>&1 & wpid=$!; pids+=($wpid)
for _ in $(seq 1 100); do grep -q "listening" "$work/weir.out" 2>/dev/null && break; sleep 0.2; done
read -r w_cpu w_rss w_ok < <(run weir "$wpid" "$port_weir")
kill "$wpid"; wait "$wpid" 2>/dev/null || true

ps=$((players * seconds))
printf '\n%s players x %s s, %s Mb/s source, %s cores (%s)\n' "$players" "$seconds" "$mbps" "$(nproc)" "$(date -u +%F)"
printf '%-12s %12s %18s %14s %16s\n' server "cpu (s)" "cpu/player-s (ms)" "peak RSS (MB)" "sampled ok (of 5)"
awk -v c="$n_cpu" -v r="$n_rss" -v ps="$ps" -v ok="$n_ok" 'BEGIN {printf "%-12s %12.2f %18.3f %14.1f %16s\n", "nginx-rtmp", c, 1000*c/ps, r/1024, ok}'
awk -v c="$w_cpu" -v r="$w_rss" -v ps="$ps" -v ok="$w_ok" 'BEGIN {printf "%-12s %12.2f %18.3f %14.1f %16s\n", "weir", c, 1000*c/ps, r/1024, ok}'
awk -v nc="$n_cpu" -v wc="$w_cpu" -v nr="$n_rss" -v wr="$w_rss" 'BEGIN {printf "ratios weir/nginx: cpu %.2f, memory %.2f\n", (nc>0? wc/nc : 0), (nr>0? wr/nr : 0)}'
