#!/usr/bin/env bash
# SRT side by side: Weir (`weir transmit`) against libsrt (srt-live-transmit), on loopback, on this machine, in one
# run, so that the ratios compare like with like. Results go to docs/performance.md ("SRT vs libsrt").
#
#   bench/srt-vs-libsrt.sh cpu  [SECONDS=10] [RATES="20 100"] [ROUNDS=2] [WARMUP=5]
#   bench/srt-vs-libsrt.sh loss [SECONDS=20] [LOSSES="5 10 20"] [ROUNDS=2] [MBPS=10]
#
# COMBOS="lib:lib lib:weir" (sender:receiver) runs only those combinations, e.g. to look at one side in half the time.
#
# Chain: UdpBlaster (numbered 1316-byte payloads) -> UDP -> sender (SRT caller) -> [ImpairmentProxy] -> receiver
# (SRT listener) -> UDP -> UdpCountingSink. Sender and receiver are each srt-live-transmit ("lib") or weir transmit
# ("weir"): four combinations, so that Weir's sender and Weir's receiver are each compared with libsrt's against
# the same libsrt peer (weir>lib vs lib>lib for the sender, lib>weir vs lib>lib for the receiver).
#
# cpu:  no impairment; each process's utime+stime from /proc over a SECONDS window that starts after WARMUP seconds
#       of warm-up and 2 s of numbered traffic (a longer warm-up leaves the JVM's JIT compilation out of the
#       window). Prints CPU % of one core per Mbit/s of payload, and the ratios.
# loss: the tests' seeded impairment proxy, 10 ms each way (RTT 20 ms), LOSS% random loss both ways (after the
#       handshake), latency 200 ms on both ends, MBPS for SECONDS; counts numbered payloads missing at the sink.
#       The same seed for every combination of a round.
#
# Needs srt-live-transmit (srt-tools), Weir built (./weir builds itself), and the engine's test classes
# (./mvnw -pl engine test-compile) for the blaster, sink and proxy.
set -euo pipefail
mode=${1:-cpu}
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/target/bench-srt"; mkdir -p "$work"
hz=$(getconf CLK_TCK)
java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
tools_cp="$root/engine/target/test-classes:$root/engine/target/classes"
slt=$(command -v srt-live-transmit) || { echo "srt-vs-libsrt: srt-live-transmit is missing (apt install srt-tools)" >&2; exit 1; }
[ -f "$root/engine/target/test-classes/dev/weir/engine/testing/bench/UdpBlaster.class" ] || {
  echo "srt-vs-libsrt: run ./mvnw -pl engine test-compile first (blaster, sink and proxy are test classes)" >&2; exit 1; }
"$root/weir" --version >/dev/null   # builds Weir if needed, outside any measurement

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

tool=("$java_bin" -XX:+UseSerialGC -cp "$tools_cp")   # the load generators, not measured
bench_pkg=dev.weir.engine.testing.bench
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# start_end KIND FROM TO LOG: starts a sender or receiver; its pid in $end_pid (./weir execs the JVM: same pid).
# With stats=1 both print cumulative SRT statistics as JSON (the same layout): srt-live-transmit every 200 packets
# into LOG.stats, weir transmit every 250 ms into LOG.
stats=0
start_end() {
  local kind=$1 from=$2 to=$3 log=$4
  if [ "$kind" = lib ]; then
    if [ "$stats" = 1 ]; then
      "$slt" -q -a:no -s:200 -pf:json -f -statsout:"$log.stats" "$from" "$to" >"$log" 2>&1 &
    else
      "$slt" -q -a:no "$from" "$to" >"$log" 2>&1 &
    fi
  else
    if [ "$stats" = 1 ]; then
      "$root/weir" transmit -stats 250 -statspf json -fullstats -from "$from" -to "$to" >"$log" 2>&1 &
    else
      "$root/weir" transmit -from "$from" -to "$to" >"$log" 2>&1 &
    fi
  fi
  end_pid=$!; pids+=("$end_pid")
}

# last_stat FILE SECTION FIELD: the field's value in the last JSON statistics line of FILE (empty if none).
last_stat() {
  grep -o "\"$2\":{[^}]*}" "$1" 2>/dev/null | tail -1 | grep -o "\"$3\":[0-9]*" | cut -d: -f2
}

# chain SND RCV PORTBASE MBPS WARMUP SECONDS LOSS SEED: runs one chain; sets s_pid r_pid sink_out blast_out.
# With LOSS = "" there is no proxy.
chain() {
  local snd=$1 rcv=$2 base=$3 mbps=$4 warm=$5 seconds=$6 loss=$7 seed=$8
  local in=$((base)) srt=$((base + 1)) out=$((base + 2)) tag="$snd-$rcv-$base"
  sink_out="$work/$tag.sink"; blast_out="$work/$tag.blast"
  "${tool[@]}" $bench_pkg.UdpCountingSink "$out" 3 $((warm + seconds + 40)) >"$sink_out" 2>&1 &
  sink_pid=$!; pids+=("$sink_pid")
  start_end "$rcv" "srt://:$srt?latency=200" "udp://127.0.0.1:$out" "$work/$tag.receiver.log"; r_pid=$end_pid
  sleep 1.5
  local target=$srt
  if [ -n "$loss" ]; then
    "${tool[@]}" $bench_pkg.ImpairmentProxyMain "$srt" "$loss" 10 "$seed" >"$work/$tag.proxy" 2>&1 & pids+=($!)
    for _ in $(seq 50); do grep -q '^port=' "$work/$tag.proxy" 2>/dev/null && break; sleep 0.1; done
    target=$(sed -n 's/^port=//p' "$work/$tag.proxy")
  fi
  start_end "$snd" "udp://:$in" "srt://127.0.0.1:$target?latency=200" "$work/$tag.sender.log"; s_pid=$end_pid
  sleep 1.5
  "${tool[@]}" $bench_pkg.UdpBlaster "127.0.0.1:$in" "$mbps" "$warm" "$seconds" >"$blast_out" 2>&1 &
  blast_pid=$!; pids+=("$blast_pid")
}

# Waits for the blaster, then for the sink (it ends 3 s after the last payload), then stops the chain.
finish_chain() {
  wait "$blast_pid" 2>/dev/null || true
  wait "$sink_pid" 2>/dev/null || true
  cleanup; pids=()
}

count() { sed -n "s/.*$1=\([0-9-]*\).*/\1/p" "$2" | head -1; }

if [ "$mode" = cpu ]; then
  seconds=${2:-10}; rates=${3:-"20 100"}; rounds=${4:-2}; warmup=${5:-5}
  results="$work/cpu.tsv"; : >"$results"
  echo "srt-vs-libsrt cpu: window ${seconds}s after ${warmup}s of warm-up, rates $rates Mbit/s, $rounds rounds, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  base=23000
  for round in $(seq "$rounds"); do
    for rate in $rates; do
      for combo in ${COMBOS:-lib:lib weir:lib lib:weir weir:weir}; do
        snd=${combo%%:*}; rcv=${combo##*:}; base=$((base + 10))
        chain "$snd" "$rcv" "$base" "$rate" "$warmup" $((seconds + 4)) "" 0
        sleep $((warmup + 2))   # warm-up, then 2 s of numbered traffic
        s0=$(cpu_ticks "$s_pid"); r0=$(cpu_ticks "$r_pid"); t0=$(date +%s.%N)
        sleep "$seconds"
        s1=$(cpu_ticks "$s_pid"); r1=$(cpu_ticks "$r_pid"); t1=$(date +%s.%N)
        finish_chain
        sent=$(count sent "$blast_out"); got=$(count received "$sink_out")
        # CPU % of one core per Mbit/s of payload
        line=$(awk -v s=$((s1 - s0)) -v r=$((r1 - r0)) -v hz="$hz" -v t0="$t0" -v t1="$t1" -v rate="$rate" \
          'BEGIN { w = t1 - t0; printf "%.4f\t%.4f", 100 * s / hz / w / rate, 100 * r / hz / w / rate }')
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$rate" "$snd" "$rcv" "$line" "$sent" "$got" | tee -a "$results"
      done
    done
  done
  echo "round rate sender receiver | sender%/Mbps receiver%/Mbps | sent received" >&2
  echo "Ratios (Weir / libsrt, same libsrt peer, same round and rate):"
  awk -F'\t' '
    { k = $1 FS $2; cs[k, $3 ":" $4] = $5; cr[k, $3 ":" $4] = $6; keys[k] = 1 }
    END {
      for (k in keys) {
        split(k, a, FS)
        printf "round %s, %s Mbit/s: weir sender / lib sender = %.2f (%.4f vs %.4f %%/Mbps); weir receiver / lib receiver = %.2f (%.4f vs %.4f)\n",
          a[1], a[2], cs[k, "weir:lib"] / cs[k, "lib:lib"], cs[k, "weir:lib"], cs[k, "lib:lib"],
          cr[k, "lib:weir"] / cr[k, "lib:lib"], cr[k, "lib:weir"], cr[k, "lib:lib"]
      }
    }' "$results" | sort
elif [ "$mode" = loss ]; then
  seconds=${2:-20}; losses=${3:-"5 10 20"}; rounds=${4:-2}; mbps=${5:-10}
  results="$work/loss.tsv"; : >"$results"; stats=1
  echo "srt-vs-libsrt loss: ${mbps} Mbit/s for ${seconds}s, RTT 20 ms, latency 200 ms, loss $losses %, $rounds rounds, load $(cut -d' ' -f1-3 /proc/loadavg)"
  base=25000
  for round in $(seq "$rounds"); do
    for loss in $losses; do
      seed=$((20261121 + round))
      for combo in ${COMBOS:-lib:lib weir:weir weir:lib lib:weir}; do
        snd=${combo%%:*}; rcv=${combo##*:}; base=$((base + 10))
        chain "$snd" "$rcv" "$base" "$mbps" 4 "$seconds" "$loss" "$seed"
        finish_chain
        sent=$(count sent "$blast_out"); got=$(count received "$sink_out")
        tag="$snd-$rcv-$base"; slog="$work/$tag.sender.log"; rlog="$work/$tag.receiver.log"
        [ "$snd" = lib ] && slog="$slog.stats"; [ "$rcv" = lib ] && rlog="$rlog.stats"
        # what the sender took in from UDP, what the receiver lost on the link, retransmitted, and gave up (too late)
        unique=$(last_stat "$slog" send packetsUnique); lost=$(last_stat "$rlog" recv packetsLost)
        rexmit=$(last_stat "$rlog" recv packetsRetransmitted); dropped=$(last_stat "$rlog" recv packetsDropped)
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$loss" "$snd" "$rcv" "$sent" "$got" \
          $((sent - ${got:-0})) "${unique:--}" "${lost:--}" "${rexmit:--}" "${dropped:--}" | tee -a "$results"
      done
    done
  done
  echo "round loss% sender receiver sent received missing | sender-unique rcv-lost rcv-retransmitted rcv-dropped" >&2
else
  echo "usage: $0 cpu|loss [...]" >&2; exit 2
fi
