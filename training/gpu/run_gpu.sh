#!/usr/bin/env bash
# One short GRPO systems run on a GPU host with no network: installs the carried wheels (.whl/), lays out
# the package the way `pip install` would (training/ -> tg_guard.training), and writes tokens/s, peak GPU
# memory and the reward curve into $OUT (<= 8 files). Prepare .whl/ first with training/gpu/prepare_carry.sh.
#   bash training/gpu/run_gpu.sh                  # GPU: 30 steps, 270 s training budget
#   OUT=/tmp/o bash training/gpu/run_gpu.sh --device cpu --steps 2 --small --time-budget 60   # logic check
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${OUT:?set OUT to the folder for the figures}"
PY="${PYTHON:-python3}"
PIP="${PIP:-$PY -m pip}"
WHEELS="${TG_WHEELS:-$ROOT/.whl}"
SITE="${TG_SITE:-/tmp/site}"
PKG=/tmp/tg-guard-pkg
SHIMS=/tmp/tg-guard-shims
mkdir -p "$OUT" "$SITE"
exec > >(tee "$OUT/log.txt") 2>&1
echo "== $(date -u +%FT%TZ) $(uname -n) $($PY -V 2>&1)"
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || true
$PIP install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target "$SITE" "$WHEELS"/*.whl
rm -rf "$PKG" && mkdir -p "$PKG"
cp -r "$ROOT/tg_guard" "$PKG/tg_guard"
cp -r "$ROOT/training" "$PKG/tg_guard/training"
cp -r "$ROOT/adapters" "$PKG/tg_guard/adapters"
cp -r "$ROOT/policies" "$PKG/tg_guard/policies"
export PYTHONPATH="$SITE:$PKG"
if ! $PY -c "import datasets" 2>/dev/null; then  # no (recent enough) pyarrow on this host
  # pyarrow (55 MB) cannot travel: a stand-in datasets/pyarrow that covers what GRPO touches
  rm -rf "$SHIMS" && mkdir -p "$SHIMS/datasets" "$SHIMS/pyarrow"
  cp "$ROOT/training/gpu/datasets_shim.py" "$SHIMS/datasets/__init__.py"
  for mod in __init__ compute types; do  # names only: TRL uses them in annotations, never calls them in GRPO
    printf '__version__ = "0.0.0+tgguardshim"\ndef __getattr__(name):\n    if name.startswith("__"):\n        raise AttributeError(name)\n    return type(name, (), {})\n' > "$SHIMS/pyarrow/$mod.py"
  done
  export PYTHONPATH="$SHIMS:$PYTHONPATH"
  echo "pyarrow missing here: using the datasets/pyarrow stand-in"
fi
export HF_HUB_OFFLINE=1 HF_HUB_DISABLE_TELEMETRY=1 TOKENIZERS_PARALLELISM=false TRL_EXPERIMENTAL_SILENCE=1
$PY -c "import tg_guard, trl, torch, transformers; print('tg_guard ok; trl', trl.__version__, 'torch', torch.__version__, 'transformers', transformers.__version__, 'cuda', torch.cuda.is_available())"
$PY "$ROOT/training/gpu/gpu_run.py" --out "$OUT" "$@"
