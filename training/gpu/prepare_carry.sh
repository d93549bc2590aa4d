#!/usr/bin/env bash
# Fill .whl/ (git-ignored) with what run_gpu.sh needs on a host that has torch, transformers, accelerate and
# peft but no network: the wheels for Python 3.12 x86_64 and the Gemma tokenizer (xz, 3.5 MB). Run here.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
grep -qx '/.whl/' "$(git rev-parse --git-dir)/info/exclude" || echo /.whl/ >> "$(git rev-parse --git-dir)/info/exclude"
mkdir -p .whl
for spec in trl==1.16.0 datasets==5.2.0 dill==0.4.1 multiprocess==0.70.19 xxhash==4.1.0 pandas==2.2.3 pytz==2026.6 \
    python-dateutil==4.0.0 tzdata==2026.6 pydantic==2.14.4 pydantic-core==2.50.5 annotated-types==0.8.0 \
    typing-inspection==0.4.5 typing-extensions==4.16.0 structlog==26.1.0 rich==15.0.0 markdown-it-py==4.3.0 \
    mdurl==0.1.2 pygments==2.21.0 gguf==0.19.0; do
  python3 -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
    --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 -d .whl "$spec"
done
.venv/bin/python - <<'PY'
import lzma, os, tempfile
from pathlib import Path
import transformers
from tg_guard.adapters.local import gemma_270m_path
p = gemma_270m_path()
tok = transformers.AutoTokenizer.from_pretrained(str(p.parent), gguf_file=p.name)
with tempfile.TemporaryDirectory() as d:
    tok.save_pretrained(d)
    raw = Path(d, "tokenizer.json").read_bytes()
Path(".whl/gemma3-270m-tokenizer.json.xz").write_bytes(lzma.compress(raw, preset=9))
PY
du -sh .whl && ls .whl
