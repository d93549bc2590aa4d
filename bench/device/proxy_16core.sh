#!/usr/bin/env bash
# bench/bench_proxy.py on a bare many-core machine: installs the kit from .devkit/ (bench/device/make_kit.sh),
# starts PostgreSQL (as an unprivileged user) and Redis on their usual local ports, then runs the proxy
# bench once per configuration. Figures go to $OUT (else ./bench-out) as one results.json ({name: figures}), with
# log.txt and every run's output in runs.log: three files, whatever the number of runs (the device tool returns 8).
#   bash bench/device/proxy_16core.sh                 # every configuration below
#   CONFIGS="c64_w12" bash bench/device/proxy_16core.sh
# Through the device tool: run(command="bash bench/device/proxy_16core.sh", carry=[".devkit"]).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
KIT="$ROOT/.devkit"
OUT=${OUT:-$ROOT/bench-out}
RUNS=$(mktemp -d)  # each run's JSON and output; merged into $OUT at the end
mkdir -p "$OUT"
exec > >(tee -a "$OUT/log.txt") 2>&1
say() { printf '\n== %s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
PY=${PYTHON:-python3}
# Never from the checkout's root: there Python would import the source tree's tg_guard (without the package's
# tg_guard.policies and tg_guard.adapters, which exist only installed) ahead of the installed copy.
cd /tmp || exit 1
say "machine: $(nproc) cores, $($PY --version), $(uname -r)"
PGPORT=${PGPORT:-5432}
REDIS_PORT=${REDIS_PORT:-6379}
export TG_BENCH_PG="postgresql://postgres@127.0.0.1:$PGPORT/test" TG_BENCH_REDIS="redis://127.0.0.1:$REDIS_PORT/0"
SITE=/tmp/tg-site
if [ -n "${SKIP_INSTALL:-}" ]; then  # a rehearsal where $PYTHON already has everything
    mkdir -p "$SITE" && touch "$SITE/.done"
elif [ ! -f "$SITE/.done" ]; then
    $PY -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target "$SITE" "$KIT"/whl/*.whl \
        || exit 1
    # the checkout itself, installed (adapters/ and training/ map under tg_guard only when installed)
    $PY -m pip install -q --no-index --no-deps --no-build-isolation --no-compile --target "$SITE" "$ROOT" || exit 1
    touch "$SITE/.done"
fi
export PYTHONPATH="$SITE:$KIT/shim"
export TG_GUARD_CACHE=/tmp/tg-cache
mkdir -p "$TG_GUARD_CACHE"
for f in "$KIT"/cache/*.onnx.xz; do xz -dc "$f" > "$TG_GUARD_CACHE/$(basename "$f" .xz)"; done
$PY -c 'import tg_guard, fastapi, sqlalchemy, psycopg, redis, uvicorn; print("tg_guard from", tg_guard.__file__)' || exit 1

# PostgreSQL 16 from the pgserver wheel; postgres refuses to run as root, so it runs as nobody.
PG=/tmp/pg
if [ ! -x "$PG/bin/postgres" ]; then tar -C /tmp -xJf "$KIT/pg.tar.xz"; fi
asuser() {
    LD_LIBRARY_PATH="$PG/lib" $PY -c 'import os, sys; os.setgid(65534); os.setuid(65534); os.execv(sys.argv[1], sys.argv[1:])' "$@"
}
PGDATA=/tmp/pgdata-$PGPORT
if [ ! -f "$PGDATA/PG_VERSION" ]; then
    mkdir -p "$PGDATA" /tmp/pgsock && chown 65534:65534 "$PGDATA" /tmp/pgsock && chmod 700 "$PGDATA"
    asuser "$PG/bin/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null || exit 1
fi
if ! LD_LIBRARY_PATH="$PG/lib" "$PG/bin/pg_isready" -q -h 127.0.0.1 -p "$PGPORT"; then
    asuser "$PG/bin/pg_ctl" -D "$PGDATA" -l /tmp/pg.log -w start \
        -o "-h 127.0.0.1 -p $PGPORT -k /tmp/pgsock -c max_connections=400 -c shared_buffers=1GB" || { cat /tmp/pg.log; exit 1; }
fi
$PY - <<'PY' || exit 1
import os, psycopg
with psycopg.connect(os.environ["TG_BENCH_PG"].rsplit("/", 1)[0] + "/postgres", autocommit=True) as c:
    if not c.execute("SELECT 1 FROM pg_database WHERE datname='test'").fetchone():
        c.execute("CREATE DATABASE test")
    print("postgres", c.execute("SHOW server_version").fetchone()[0], "up")
PY
# Redis: this checkout's kit carries the server binary and the libraries a bare image lacks.
if ! $PY -c 'import os, redis; redis.Redis.from_url(os.environ["TG_BENCH_REDIS"]).ping()' 2>/dev/null; then
    LD_LIBRARY_PATH="$KIT/redis/lib" "$KIT/redis/redis-server" --port "$REDIS_PORT" --bind 127.0.0.1 --save '' \
        --appendonly no --daemonize yes --logfile /tmp/redis.log || exit 1
    sleep 0.5
fi
$PY -c 'import os, redis; print("redis", redis.Redis.from_url(os.environ["TG_BENCH_REDIS"]).info()["redis_version"], "up")' \
    || exit 1

bench() {  # name, then bench_proxy.py's arguments
    local name=$1; shift
    say "$name: $*"
    $PY "$ROOT/bench/bench_proxy.py" --json "$RUNS/$name.json" "$@" > "$RUNS/$name.stdout" 2>&1
    local rc=$?
    $PY - "$RUNS/$name.json" "$rc" <<'PY'
import json, sys
from pathlib import Path
p, rc = Path(sys.argv[1]), sys.argv[2]
if not p.exists():
    print(f"  FAILED rc={rc}"); sys.exit()
r = json.loads(p.read_text())
a, ip = r["added_beyond_scoring_ms"], r["added_in_proxy_ms"]
print(f"  added p50 {a['p50']} p99 {a['p99']} ms | in proxy p50 {ip['p50']} p99 {ip['p99']} | "
      f"guard p50 {r['guard_ms']['p50']} | audit p50 {r['audit_write_ms']['p50']} | direct p50 {r['direct_ms']['p50']} "
      f"proxy p50 {r['proxy_ms']['p50']} p99 {r['proxy_ms']['p99']} | rps {r['direct_rps']} / {r['proxy_rps']} | "
      f"errors {r['errors']['proxy']} | lost {r['audit']['lost']} of {r['audit']['answered']}, chain {r['audit']['chain_ok']} | "
      f"client lag {r['errors']['client_loop_lag_max_ms']}")
PY
    [ "$rc" = 0 ] || tail -20 "$RUNS/$name.stdout"
    $PY - "$RUNS" "$OUT" <<'PY'
import json, sys
from pathlib import Path
runs, out = Path(sys.argv[1]), Path(sys.argv[2])
merged = {p.stem: json.loads(p.read_text()) for p in sorted(runs.glob("*.json"))}
(out / "results.json").write_text(json.dumps(merged, indent=2))
(out / "runs.log").write_text("".join(f"== {p.stem}\n{p.read_text()}\n" for p in sorted(runs.glob("*.stdout"))))
PY
}
CONFIGS=${CONFIGS:-"c1_w2 c64_w8 c64_w12 c64_w12_async"}
for c in $CONFIGS; do
    case $c in
        c1_w2) bench "$c" --requests 500 --concurrency 1 --workers 2 --warmup 30 ;;
        c64_w8) bench "$c" --requests 2000 --concurrency 64 --workers 8 --client-procs 4 ;;
        c64_w12) bench "$c" --requests 2000 --concurrency 64 --workers 12 --client-procs 4 ;;
        c64_w12_async) bench "$c" --requests 2000 --concurrency 64 --workers 12 --client-procs 4 --audit-durability async ;;
        # without the model package on the path the embedded scorers take the numpy path
        c64_w12_numpy) PYTHONPATH="$SITE" bench "$c" --requests 2000 --concurrency 64 --workers 12 --client-procs 4 ;;
        *) say "unknown configuration $c" ;;
    esac
done
say done
