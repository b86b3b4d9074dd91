#!/usr/bin/env bash
# Online software update, online map update and the owner's manual, end to end: three cars of one model
# driven at their consoles (pcmsim vehicle) against a backend on its own (pcmsim backend), every step shown
# through the backend's HTTP API.
#
#   scripts/walkthrough-updates.sh    # needs curl; ports: MQTT_PORT, HTTP_PORT
#
# Flows: a map update through an anonymous key: the car logs in, gets its key, checks at a vehicle start
# with the map provider on a connection of its own and installs the newer map; the transfer is documented by
# key only. A signed release and a campaign in two waves: the first wave's car installs it, both cars of
# the second wave fail their installs and the campaign halts on its own; the operator resumes it. The
# owner's manual: a warning in the cluster, the chapters the backend links to it, a chapter opened and kept
# as a favourite, the anonymised statistics.
set -euo pipefail
cd "$(dirname "$0")/.."

MQTT_PORT=${MQTT_PORT:-18831}
HTTP_PORT=${HTTP_PORT:-18081}
# three 911s (model code 99 in positions 7 and 8 of the VIN)
VINS=(WP0ZZZ99ZTS392124 WP0ZZZ99ZTS392125 WP0ZZZ99ZTS392126)
API="http://127.0.0.1:$HTTP_PORT/api/v1"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pcmsim-walkthrough.XXXXXX")
BACKEND_PID=""
CAR_PIDS=()

cleanup() {
  for pid in "${CAR_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$BACKEND_PID" ]; then kill "$BACKEND_PID" 2>/dev/null || true; wait "$BACKEND_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# shellcheck source=walkthrough-lib.sh
. scripts/walkthrough-lib.sh

# starts car N (0..2) at its console, reading commands from a fifo
start_car() {
  local n=$1
  mkfifo "$WORK/in$n"
  ./pcmsim vehicle --vin "${VINS[$n]}" --broker "tcp://127.0.0.1:$MQTT_PORT" --profile combustion --seed $((7 + n)) \
    --release-key "$WORK/release-key.pem" <"$WORK/in$n" >"$WORK/out$n" 2>"$WORK/car$n.log" &
  CAR_PIDS+=($!)
  exec {fd}>"$WORK/in$n"
  eval "CAR_FD_$n=$fd"
  ANSWERED[$n]=0
}

# one console command to car N; waits for its one answer line
car() {
  local n=$1; shift
  local fd_var="CAR_FD_$n"
  printf '> car %s: %s\n' "$n" "$*"
  printf '%s\n' "$*" >&"${!fd_var}"
  local want=$((ANSWERED[$n] + 1))
  for _ in $(seq 1 240); do
    if [ "$(wc -l <"$WORK/out$n")" -ge "$want" ]; then break; fi
    sleep 0.25
  done
  local answer
  answer=$(sed -n "${want}p" "$WORK/out$n")
  [ -n "$answer" ] || fail "car $n did not answer '$*' (log: $(tail -3 "$WORK/car$n.log"))"
  ANSWERED[$n]=$want
  printf '  %s\n' "$answer"
  case "$answer" in ok*) ;; *) fail "car $n refused '$*'";; esac
}

declare -a ANSWERED

step "backend: embedded broker on $MQTT_PORT (its topic policy keeps cars off maps/ and the map provider on it), HTTP on $HTTP_PORT"
start_backend
printf '(the release key was generated into the data folder; the cars trust its public half)\n'
api GET "/software-update/release-key"
printf '%s\n' "$BODY" >"$WORK/release-key.pem"

step "three cars of one model at their consoles"
for n in 0 1 2; do start_car "$n"; done
for n in 0 1 2; do car "$n" status; done

step "map update: each car got an anonymous key at login; at a vehicle start it asks the map provider"
car 0 maps
car 0 start
car 0 wait 5m
car 0 maps
until_contains "/operator/map-transfers" '"version"'
printf '(the transfer is documented by key, region and version: no VIN, name or user ID)\n'
api GET "/operator/map-update"
car 0 stop

step "software update: a signed release for the 911 and a campaign in two waves (1 car, then 2)"
api POST "/operator/software-releases" '{"modelCode":"992","target":{"PCM":"PCM9.0.0"},"sizeBytes":131072}'
RELEASE=$(field releaseId)
api POST "/operator/update-campaigns" "{\"releaseId\":\"$RELEASE\",\"waveSizes\":[1,2],\"failureThreshold\":0.4,\"minResults\":2}"
CAMPAIGN=$(field campaignId)

step "wave 1: the first car asks at its vehicle start, its driver accepts, it downloads, checks and installs"
car 0 start
car 0 wait 5m
car 0 update status
car 0 update accept
car 0 wait 1h
car 0 update status
until_contains "/operator/update-campaigns/$CAMPAIGN" '"installed":1'

step "wave 2: both cars' installs fail; two failures of two results pass the threshold and the campaign halts"
for n in 1 2; do
  car "$n" update fail "flash verification error"
  car "$n" start
  car "$n" wait 5m
  car "$n" update accept
  car "$n" wait 1h
  car "$n" update status
done
until_contains "/operator/update-campaigns/$CAMPAIGN" HALTED
printf '(the operator looks into the failures and resumes: the next wave opens)\n'
api POST "/operator/update-campaigns/$CAMPAIGN/resume"

step "owner's manual: a warning in the cluster; the backend answers with its chapters"
car 0 fault misfire
car 0 wait 30m
car 0 manual links
car 0 manual W-OIL-LEVEL
car 0 manual open oil-level
car 0 manual favourite oil-top-up
until_contains "/owner/vehicles/${VINS[0]}/manual/favourites" oil-top-up
api GET "/owner/vehicles/${VINS[0]}/manual/recent"
api GET "/operator/manual/counts"
api GET "/operator/manual/statistics/$(date -u +%Y-%m)"
printf '(statistics hold a month, a model line, a code and a chapter: no VIN, no user ID; small cells left out)\n'

for n in 0 1 2; do car "$n" quit; done
printf '\nwalkthrough: software update, map update and owner'"'"'s manual shown\n'
