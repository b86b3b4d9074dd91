# Functions shared by the walkthrough scripts; sourced, not run. Needs API, WORK and BACKEND_PID set.

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'walkthrough: %s\n' "$*" >&2; exit 1; }

# GET/POST/PUT against the API; prints the call and the answer, keeps the answer in $BODY
api() {
  local method=$1 path=$2 data=${3:-}
  printf '$ curl -X %s %s%s\n' "$method" "$path" "${data:+ -d '$data'}"
  if [ -n "$data" ]; then
    BODY=$(curl -s -X "$method" -H 'Content-Type: application/json' -d "$data" "$API$path")
  else
    BODY=$(curl -s -X "$method" "$API$path")
  fi
  printf '%s\n' "$BODY"
}

# the first value of a JSON string field in $BODY (the API writes compact JSON)
field() { printf '%s' "$BODY" | grep -o "\"$1\": *\"[^\"]*\"" | head -1 | sed 's/.*: *"\(.*\)"/\1/'; }

# polls a GET until its answer contains the text, at most 30 s
until_contains() {
  local path=$1 text=$2
  for _ in $(seq 1 60); do
    BODY=$(curl -s "$API$path")
    case "$BODY" in *"$text"*) printf '$ curl %s\n%s\n' "$path" "$BODY"; return 0;; esac
    sleep 0.5
  done
  fail "GET $path never contained $text: $BODY"
}

# polls a GET until the text occurs the given number of times in its answer, at most 30 s
until_count() {
  local path=$1 text=$2 count=$3
  for _ in $(seq 1 60); do
    BODY=$(curl -s "$API$path")
    if [ "$(printf '%s' "$BODY" | grep -o "$text" | wc -l)" -ge "$count" ]; then
      printf '$ curl %s\n%s\n' "$path" "$BODY"; return 0
    fi
    sleep 0.5
  done
  fail "GET $path never held $count times $text: $BODY"
}

# starts pcmsim backend on MQTT_PORT and HTTP_PORT with its data in WORK/backend and the extra options given;
# returns when its health answers
start_backend() {
  ./pcmsim backend --port "$MQTT_PORT" --http-port "$HTTP_PORT" --data-dir "$WORK/backend" "$@" \
    >"$WORK/backend.log" 2>&1 &
  BACKEND_PID=$!
  for _ in $(seq 1 240); do
    curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/health" 2>/dev/null | grep -q 200 && break
    kill -0 "$BACKEND_PID" 2>/dev/null || fail "the backend ended: $(cat "$WORK/backend.log")"
    sleep 0.5
  done
  curl -s "http://127.0.0.1:$HTTP_PORT/health"; echo
}
