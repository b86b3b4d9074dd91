#!/usr/bin/env bash
# One fleet split over several processes (docs/performance.md, "pcmsim bench fleet"): starts SHARDS
# Mosquitto processes of its own (one per shard: a process, broker or JVM, may hold at most `ulimit -Hn`
# file descriptors, so one broker cannot hold more connections than one fleet JVM), then SHARDS
# `pcmsim fleet --shard K/SHARDS` JVMs, shard K against broker K. Once every shard has all its cars
# connected (or TIMEOUT seconds passed) it waits 15 s and reads, per process: connected cars, heap after a
# full GC (jcmd), resident memory, threads and open files; then stops the shards with SIGTERM (each writes
# its JSON report: first connects per second) and the brokers. Usage, from the project root after
# `./mvnw -B -DskipTests package`:
#   docs/bench/fleet-shards.sh [CARS=50000] [SHARDS=3] [SPEED=1] [BASE_PORT=28830] [TIMEOUT=1200]
set -euo pipefail
cars=${1:-50000}; shards=${2:-3}; speed=${3:-1}; base=${4:-28830}; timeout=${5:-1200}
jar=tools/target/pcmsim.jar
dir=$(mktemp -d "${TMPDIR:-/tmp}/pcmsim-shards-XXXXXX")
chmod 777 "$dir" # started as root, mosquitto drops to its own user
ulimit -n "$(ulimit -Hn)"
echo "cars $cars in $shards shards, speed $speed; open files limit per process $(ulimit -n); files in $dir"
echo "before: $(uptime)"
broker_pids=(); shard_pids=()
cleanup() {
  for pid in "${shard_pids[@]}" "${broker_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
for k in $(seq 1 "$shards"); do
  port=$((base + k))
  printf '%s\n' "listener $port 127.0.0.1" "allow_anonymous true" "max_connections -1" "persistence false" \
    "connection_messages false" "log_dest stderr" > "$dir/mosquitto-$k.conf"
  mosquitto -c "$dir/mosquitto-$k.conf" > "$dir/mosquitto-$k.log" 2>&1 &
  broker_pids+=($!)
done
for k in $(seq 1 "$shards"); do
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$((base + k))") 2>/dev/null && break; sleep 0.2; done
done
start=$(date +%s)
for k in $(seq 1 "$shards"); do
  java -Xmx2g -jar "$jar" fleet --broker "tcp://127.0.0.1:$((base + k))" --vehicles "$cars" --shard "$k/$shards" \
    --speed "$speed" --duration "$((timeout + 120))s" --report "$dir/shard-$k.json" > "$dir/shard-$k.txt" 2>&1 &
  shard_pids+=($!)
done
all_connected() {
  for k in $(seq 1 "$shards"); do grep -Eq 'connected ([0-9]+)/\1 ' "$dir/shard-$k.txt" || return 1; done
}
while ! all_connected && [ $(( $(date +%s) - start )) -lt "$timeout" ]; do sleep 2; done
connected_after=$(( $(date +%s) - start ))
sleep 15
echo "all shards connected after ${connected_after} s (or the timeout of $timeout s); during: $(uptime)"
total=0
for k in $(seq 1 "$shards"); do
  pid=${shard_pids[$((k - 1))]}; bpid=${broker_pids[$((k - 1))]}
  line=$(tr '\r' '\n' < "$dir/shard-$k.txt" | grep -E 'connected [0-9]+/[0-9]+' | tail -1)
  online=$(echo "$line" | sed -E 's/.*connected ([0-9]+)\/([0-9]+).*/\1/')
  total=$((total + online))
  jcmd "$pid" GC.run > /dev/null
  heap=$(jcmd "$pid" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | tr -dc 0-9)
  echo "shard $k/$shards: $(echo "$line" | sed -E 's/^ *//'); heap after full GC ${heap} KB ($((heap * 1000 / (online > 0 ? online : 1) / 1000)) KB per car)," \
    "RSS $(ps -o rss= -p "$pid" | tr -dc 0-9) KB, threads $(ls "/proc/$pid/task" | wc -l), open files $(ls "/proc/$pid/fd" | wc -l)"
  echo "  broker $k (port $((base + k))): RSS $(ps -o rss= -p "$bpid" | tr -dc 0-9) KB, open files $(ls "/proc/$bpid/fd" | wc -l)"
done
echo "connected in all shards: $total of $cars"
for pid in "${shard_pids[@]}"; do kill -TERM "$pid"; done
for pid in "${shard_pids[@]}"; do wait "$pid" || true; done
shard_pids=()
for k in $(seq 1 "$shards"); do
  echo "shard $k report: $(tr -d ' \n' < "$dir/shard-$k.json" | grep -o "\"connects\":{[^}]*}" || true)"
done
echo "after: $(uptime)"
