#!/usr/bin/env bash
# What one car costs on each MQTT client (docs/performance.md): runs `pcmsim fleet` with N idle cars
# (speed 1) against the broker at 127.0.0.1:1883 and, once all are connected and idle Paho pool
# threads have ended, reads threads and heap after a full GC with jcmd, RSS with ps and the connect
# rate from the fleet report, then stops the fleet with SIGTERM. Usage, from the project root after the jar is built:
#   docs/bench/client-cost.sh hivemq|paho N [SEED]
set -euo pipefail
client=$1; n=$2; seed=${3:-$((770000 + n))}
dir=${TMPDIR:-/tmp}; out=$dir/client-cost-$client-$n.txt; report=$dir/client-cost-$client-$n.json
ulimit -n 65536 2>/dev/null || true
java -Xmx2g -jar tools/target/pcmsim.jar fleet --broker tcp://127.0.0.1:1883 --vehicles "$n" --seed "$seed" \
  --duration 120s --speed 1 --mqtt-client "$client" --report "$report" > "$out" 2>&1 &
pid=$!
for _ in $(seq 1 100); do grep -q " connected $n/$n " "$out" && break; sleep 1; done
sleep 12 # idle Paho pool threads (connect tasks) end after 10 s
jcmd "$pid" GC.run > /dev/null; sleep 1
heap=$(jcmd "$pid" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | tr -dc 0-9)
threads=$(jcmd "$pid" Thread.print | grep -c '^"')
paho=$(jcmd "$pid" Thread.print | grep -c '^"MQTT \|^"pcmsim-fleet-paho' || true)
rss=$(ps -o rss= -p "$pid" | tr -dc 0-9)
kill -TERM "$pid" # stops the fleet cleanly and writes the report (SIGINT is ignored in a background job)
wait "$pid" || true
rate=$(grep -o "\"perSecond\" *: *[0-9.]*" "$report" | sed "s/.*: *//")
echo "client=$client cars=$n connects/s=$rate threads=$threads paho-threads=$paho heapUsedKB=$heap rssKB=$rss"
