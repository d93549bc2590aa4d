"""``tg-guard build-embedder``: build the int8 ONNX embedding model once (``make setup`` runs it)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._app import app, fail

__all__ = ["build_embedder"]


@app.command("build-embedder")
def build_embedder(
    dest: Annotated[Path | None, typer.Argument(help="where to write it (default: the tg-guard cache)")] = None,
    force: Annotated[bool, typer.Option(help="rebuild even if the file exists")] = False,
) -> None:
    """Export the packaged all-MiniLM-L6-v2 to int8 ONNX for the embedding heads, each shipped release of the
    fine-tuned risk encoder (the same model with our top layers: ``risk_encoder.npz``, ``risk_encoder_round22.npz``)
    and the reply encoder (``reply_encoder.npz``) beside it; print their paths.

    Needs the ml extra (torch, transformers and onnx build them; serving needs none of them). Nothing is
    downloaded. The first scorer that uses any of them builds it too; this only does it ahead of time. ``DEST`` names
    the embedder's file; the encoders' always go to the cache.
    """
    from ..scoring.embedding_build import build_onnx, can_build, default_onnx_path
    from ..scoring.safety.encoder_build import (
        RELEASES,
        REPLY_WEIGHTS,
        build_reply_onnx,
        build_risk_onnx,
        default_reply_onnx_path,
        default_risk_onnx_path,
    )

    path = dest or default_onnx_path()
    encoders = [(default_risk_onnx_path(w), w, build_risk_onnx) for w in RELEASES.values() if w.exists()]
    if REPLY_WEIGHTS.exists():
        encoders.append((default_reply_onnx_path(REPLY_WEIGHTS), REPLY_WEIGHTS, build_reply_onnx))
    todo = [p for p in (path, *(e for e, _, _ in encoders)) if force or not p.exists()]
    if todo and not can_build():
        fail("building the embedding model needs the ml extra: pip install 'tg-guard[ml]'")
    typer.echo(build_onnx(path) if path in todo else path)
    for onnx, weights, build in encoders:
        typer.echo(build(onnx, weights) if onnx in todo else onnx)
