#!/usr/bin/env bash
# Smart Service and the breakdown call, end to end: one car driven at its console (pcmsim vehicle)
# against a backend on its own (pcmsim backend), every step shown through the backend's HTTP API.
#
#   scripts/walkthrough.sh            # needs curl and GNU date; ports: MQTT_PORT, HTTP_PORT
#
# Flows: a maintenance need from a fault, an appointment at the preferred dealer that the dealer books,
# the need resolved by the workshop visit; breakdown calls in the car with each pair of consents and what
# the Assistance and the dealer see of them; a call placed in the app that the car answers, and one the
# car's settings refuse (nothing is sent, the case times out); the retention run that deletes the
# breakdown data after 7 days.
set -euo pipefail
cd "$(dirname "$0")/.."

MQTT_PORT=${MQTT_PORT:-18830}
HTTP_PORT=${HTTP_PORT:-18080}
VIN=${VIN:-WP0ZZZ99ZTS392124}
API="http://127.0.0.1:$HTTP_PORT/api/v1"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pcmsim-walkthrough.XXXXXX")
BACKEND_PID=""

cleanup() {
  if [ -n "${CAR_PID:-}" ]; then kill "$CAR_PID" 2>/dev/null || true; fi
  if [ -n "$BACKEND_PID" ]; then kill "$BACKEND_PID" 2>/dev/null || true; wait "$BACKEND_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# shellcheck source=walkthrough-lib.sh
. scripts/walkthrough-lib.sh

# one console command, its one answer line
car() {
  printf '> %s\n' "$*"
  printf '%s\n' "$*" >&"${CAR[1]}"
  local answer
  IFS= read -r -t 60 answer <&"${CAR[0]}" || fail "the car did not answer '$*' (log: $WORK/car.log)"
  printf '  %s\n' "$answer"
  case "$answer" in ok*) ;; *) fail "the car refused '$*'";; esac
}

step "backend: embedded broker on $MQTT_PORT, HTTP API on $HTTP_PORT, app calls time out after 10 s"
start_backend --breakdown-pull-timeout 10s

step "car $VIN at its console"
coproc CAR { exec ./pcmsim vehicle --vin "$VIN" --broker "tcp://127.0.0.1:$MQTT_PORT" --profile combustion \
  --seed 7 2>"$WORK/car.log"; }
CAR_PID=$CAR_PID
car status

step "a need: a misfire lights the engine warning; the next report carries its trouble codes"
car fault misfire
car report
until_contains "/owner/vehicles/$VIN" DIAGNOSTIC_TROUBLE_CODES

step "an appointment: the owner picks a preferred dealer and asks for an appointment with navigation"
api GET "/dealers"
DEALER=$(field id)
api PUT "/owner/vehicles/$VIN/preferred-dealer" "{\"dealerId\":\"$DEALER\"}"
api POST "/owner/vehicles/$VIN/appointments" '{"navigate":true}'
APPOINTMENT=$(field id)
api GET "/dealer/dealers/$DEALER/appointments"
api POST "/dealer/appointments/$APPOINTMENT/booking" "{\"at\":\"$(date -u -d '+2 days' +%Y-%m-%dT09:00:00Z)\"}"
until_contains "/owner/vehicles/$VIN" BOOKED

step "the workshop visit repairs the car; the next report shows it and the needs resolve"
car workshop
car report
until_contains "/owner/vehicles/$VIN" RESOLVED

step "breakdown calls in the car, one for each pair of consents"
car breakdown --assistance yes --dealer yes
car breakdown --assistance yes --dealer no
car breakdown --assistance no --dealer yes
car breakdown --assistance no --dealer no
until_count "/assistance/cases" '"trigger":"IN_CAR"' 4
printf '(the Assistance sees location and diagnosis only of the calls with its consent)\n'
api GET "/dealer/vehicles/$VIN"
printf '(the dealer sees the calls with the dealer consent only)\n'

step "a call placed in the app: the backend pulls the data and the car answers"
api POST "/owner/vehicles/$VIN/breakdown-calls" '{"assistance":true,"dealer":false}'
CASE=$(field caseId)
until_contains "/owner/vehicles/$VIN/breakdown-calls/$CASE" REPORTED

step "a call placed in the app to a car whose driver switched the breakdown service off"
car service breakdown off
api POST "/owner/vehicles/$VIN/breakdown-calls" '{"assistance":true,"dealer":true}'
CASE=$(field caseId)
printf '(the car sends nothing at all; after the pull timeout the case says so)\n'
until_contains "/owner/vehicles/$VIN/breakdown-calls/$CASE" TIMED_OUT
car service breakdown on

step "retention: 8 days later the breakdown data (with its location) is gone, Smart Service data stays"
api POST "/operator/retention-runs" "{\"asOf\":\"$(date -u -d '+8 days' +%Y-%m-%dT%H:%M:%SZ)\"}"
api GET "/assistance/cases"

car quit
printf '\nwalkthrough: every flow shown\n'
