"""Executes docs/positions.ipynb against a communique output root.

    python3 execute.py NOTEBOOK --out ROOT --write   store the outputs in NOTEBOOK
    python3 execute.py NOTEBOOK --out ROOT --check   execute a copy; fail on an error or when
                                                     outputs are missing or extra, warn when
                                                     the stored text outputs are stale
    python3 execute.py NOTEBOOK --out ROOT           execute a copy; fail on an error

Run by `make notebook` (--write, on the embedded samples) and `make
notebook-check` (part of make test). Needs Debian's python3-pandas,
python3-matplotlib, python3-nbclient and python3-ipykernel, node, and
docs/readers' npm packages. When the real duckdb package is not importable,
the stand-in module in standin/ takes its place (see README.md).
"""

import argparse
import copy
import os
import sys

import nbformat
from nbclient import NotebookClient

HERE = os.path.dirname(os.path.abspath(__file__))


def execute(nb, out, cwd):
    env = {"COMMUNIQUE_OUT": os.path.abspath(out)}
    try:
        import duckdb  # noqa: F401  the real package, when a reader has it
    except ImportError:
        env["PYTHONPATH"] = os.path.join(HERE, "standin") + os.pathsep + os.environ.get("PYTHONPATH", "")
    client = NotebookClient(nb, timeout=300, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": cwd}})
    # The kernel is this interpreter, whatever python3 comes first on PATH.
    # (-Xfrozen_modules=off: no debugger warning on Python 3.11.)
    argv = client.create_kernel_manager().kernel_spec.argv
    argv[0:1] = [sys.executable, "-Xfrozen_modules=off"]
    client.execute(env={**os.environ, **env})
    return nb


def texts(nb):
    """The text outputs of every code cell (images apart)."""
    out = []
    for c in nb.cells:
        if c.cell_type != "code":
            continue
        for o in c.get("outputs", []):
            if o.output_type == "stream":
                out.append((c.get("id"), "stream", o.text))
            elif o.output_type in ("execute_result", "display_data"):
                for mime in ("text/plain", "text/html"):
                    if mime in o.data and "image/png" not in o.data:
                        out.append((c.get("id"), mime, o.data[mime]))
                if "image/png" in o.data:
                    out.append((c.get("id"), "image/png", "present"))
            elif o.output_type == "error":
                out.append((c.get("id"), "error", o.ename))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("notebook")
    ap.add_argument("--out", required=True, help="communique output root to read")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="store the outputs in the notebook")
    mode.add_argument("--check", action="store_true", help="compare with the stored outputs")
    a = ap.parse_args()
    stored = nbformat.read(a.notebook, as_version=4)
    nb = execute(copy.deepcopy(stored), a.out, os.path.dirname(os.path.abspath(a.notebook)))
    if a.write:
        nbformat.write(nb, a.notebook)
        print(f"{a.notebook}: executed on {a.out}, outputs stored")
        return 0
    if a.check:
        got, want = texts(nb), texts(stored)
        kinds = lambda outs: [(cell, kind) for cell, kind, _ in outs]  # noqa: E731
        if kinds(got) != kinds(want):
            print(f"{a.notebook}: an execution on {a.out} gives other outputs than the stored ones "
                  f"(stored {kinds(want)}, executed {kinds(got)}); run make notebook", file=sys.stderr)
            return 1
        if got != want:
            # The pipeline changed what it finds in the samples: the stored
            # outputs are still what an earlier version made, not wrong, but
            # stale. Say so loudly without failing other people's changes.
            for g, w in zip(got, want):
                if g != w:
                    print(f"WARNING {a.notebook}: stored outputs are stale (the pipeline finds other rows in "
                          f"the samples now); run make notebook and commit it. First difference, cell {w[0]}:\n"
                          f"  stored:   {w[2][:300]!r}\n  executed: {g[2][:300]!r}", file=sys.stderr)
                    break
            return 0
        print(f"{a.notebook}: executed on {a.out}, stored outputs match ({len(want)} outputs)")
        return 0
    print(f"{a.notebook}: executed on {a.out} without errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
