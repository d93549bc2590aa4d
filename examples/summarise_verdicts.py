"""Print a one-line summary per verdict written by `tg-guard score` (used by `make demo`)."""

from __future__ import annotations

import json
import sys

from rich.console import Console
from rich.table import Table


def main(path: str) -> None:
    table = Table("id", "risk", "flagged violations", "ctrs9", "action", "ms")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if "error" in row:
                table.add_row(str(row.get("id")), "error", row["error"], "", "", "")
                continue
            v = row["verdict"]
            flagged = [k for k, x in v["violations"].items() if x["flagged"]]
            fid = v.get("fidelity")
            table.add_row(
                str(row["id"]),
                f"{v['risk']['level']} {','.join(v['risk']['categories'])}",
                ", ".join(flagged) or "-",
                f"{fid['ctrs9']:.2f}" if fid else "-",
                v["action"],
                f"{v['latency_ms']:.1f}",
            )
    Console(width=max(Console().width, 110)).print(table)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "examples/verdicts.jsonl")
