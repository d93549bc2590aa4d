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
    """Export the packaged all-MiniLM-L6-v2 to int8 ONNX for the embedding heads; print its path.

    Needs the ml extra (torch, transformers and onnx build it; serving needs none of them). Nothing is
    downloaded. The first scorer that uses embeddings builds it too; this only does it ahead of time.
    """
    from ..scoring.embedding_build import build_onnx, can_build, default_onnx_path

    path = dest or default_onnx_path()
    if path.exists() and not force:
        typer.echo(path)
        return
    if not can_build():
        fail("building the embedding model needs the ml extra: pip install 'tg-guard[ml]'")
    typer.echo(build_onnx(path))
