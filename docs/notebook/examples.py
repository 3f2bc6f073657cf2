"""Runs the examples of the Markdown files given (make examples-check: every
docs/*.md) against a communique output root, so that none silently never runs.

    python3 examples.py MARKDOWN... --out ROOT --bin DIR

Every fenced block of a Markdown file is one of:
  ```sql     run by docs/readers/readers.test.js in DuckDB (make readers), which
             reads those of EXAMPLES.md and README.md: elsewhere a failure;
  ```python  executed, in file order, in one namespace per file (like notebook
             cells), with the working directory holding `out` (a link to ROOT);
  ```sh      run by bash -e in that directory, with DIR (holding communique) on PATH
             and, for NAME.md, the files of fixtures/NAME/ beside out;
  other      not an example (json, text): ignored.
An HTML comment on the line before a block changes that:
  <!-- check: node "TEST" -->   checked by the test named TEST in
                                 docs/readers/readers.test.js (its Node.js twin),
                                 which must exist; not executed here;
  <!-- check: none, REASON -->   not run, and REASON says why; printed.
It ends with 'N passed, N failed, N skipped': the blocks run here, those that
failed (or whose twin is missing), and those not run anywhere (check: none);
the blocks checked by make readers are counted on the line before.

Debian 12, where CI runs, has no Python Parquet reader (no pyarrow, no
fastparquet, no polars, no duckdb) and PyPI is out of reach, so where the
real packages are missing the stand-ins in standin/ are put on the path
after them: duckdb.py and fastparquet.py (which pandas.read_parquet uses)
read the Parquet files in DuckDB through its Node.js binding, and
standin/cli/duckdb stands in for DuckDB's command-line tool. pandas is
Debian's. See README.md beside this file.
"""

import argparse
import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
READERS_TEST = os.path.join(HERE, "..", "readers", "readers.test.js")
SQL_RUN_BY_READERS = ("EXAMPLES.md", "README.md")  # the files whose ```sql blocks readers.test.js runs
FENCE = re.compile(r"^```(\w*)\n(.*?)^```\n", re.M | re.S)
CHECK = re.compile(r"<!--\s*check:\s*(node\s+\"([^\"]+)\"|none,\s*(.+?))\s*-->\s*$")


def blocks(md):
    """The fenced blocks of md: (line, language, code, check comment match or None)."""
    for m in FENCE.finditer(md):
        line = md.count("\n", 0, m.start()) + 1
        before = md[:m.start()].rstrip("\n").rsplit("\n", 1)[-1]
        yield line, m.group(1), m.group(2), CHECK.search(before)


def standins():
    """Puts the stand-ins after the real packages; returns what stands in."""
    used = []
    sys.path.append(os.path.join(HERE, "standin"))
    for mod in ("duckdb", "pyarrow"):
        try:
            __import__(mod)
            if mod == "duckdb" and "stand-in" in getattr(sys.modules[mod], "__version__", ""):
                used.append("duckdb (stand-in)")
        except ImportError:
            pass
    if shutil.which("duckdb") is None:
        os.environ["PATH"] += os.pathsep + os.path.join(HERE, "standin", "cli")
        used.append("duckdb CLI (stand-in)")
    return used


def run_python(code, ns):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(code, "<example>", "exec"), ns)
    return buf.getvalue()


def run_sh(code, cwd):
    p = subprocess.run(["bash", "-euo", "pipefail", "-c", code], cwd=cwd, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"exit {p.returncode}: {p.stderr.strip()}")
    return p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("markdown", nargs="+")
    ap.add_argument("--out", required=True, help="the output root the examples read as out/")
    ap.add_argument("--bin", required=True, help="the directory holding the communique binary")
    ap.add_argument("--fixtures", default=os.path.join(HERE, "fixtures"),
                    help="fixtures/NAME/ is copied where the blocks of NAME.md run")
    a = ap.parse_args()
    os.environ["PATH"] = os.path.abspath(a.bin) + os.pathsep + os.environ["PATH"]
    print("stand-ins:", ", ".join(standins()) or "none (the real packages)")
    node_tests = open(READERS_TEST, encoding="utf8").read()
    passed = failed = skipped = elsewhere = 0
    home = os.getcwd()
    work = None
    try:
        for path in a.markdown:
            if work:
                shutil.rmtree(work, ignore_errors=True)
            # A directory of its own for each file: out, and the file's fixtures.
            work = tempfile.mkdtemp(prefix="communique-examples-")
            os.symlink(os.path.abspath(a.out), os.path.join(work, "out"))
            fixtures = os.path.join(a.fixtures, os.path.splitext(os.path.basename(path))[0])
            if os.path.isdir(fixtures):
                shutil.copytree(fixtures, work, dirs_exist_ok=True)
            md = open(path, encoding="utf8").read()
            ns = {"__name__": "__example__"}
            name = os.path.basename(path)
            for line, lang, code, check in blocks(md):
                where = f"{name}:{line} {lang}"
                if lang not in ("sql", "python", "sh"):
                    continue
                if check and check.group(2):
                    if f"test('{check.group(2)}'" not in node_tests:
                        print(f"FAIL {where}: its Node.js twin, test '{check.group(2)}', is not in {READERS_TEST}")
                        failed += 1
                    else:
                        print(f"ok   {where}: checked by its Node.js twin, readers.test.js '{check.group(2)}'")
                        elsewhere += 1
                    continue
                if check:
                    print(f"skip {where}: not run: {check.group(3)}")
                    skipped += 1
                    continue
                if lang == "sql":
                    if name not in SQL_RUN_BY_READERS:
                        print(f"FAIL {where}: readers.test.js runs the SQL of {', '.join(SQL_RUN_BY_READERS)} only")
                        failed += 1
                        continue
                    print(f"ok   {where}: run by readers.test.js in DuckDB (make readers)")
                    elsewhere += 1
                    continue
                t0 = time.monotonic()
                os.chdir(work)
                try:
                    out = run_python(code, ns) if lang == "python" else run_sh(code, work)
                except Exception:
                    print(f"FAIL {where}:\n{code}")
                    traceback.print_exc(file=sys.stdout)
                    failed += 1
                    continue
                finally:
                    os.chdir(home)
                passed += 1
                lines = out.splitlines()
                print(f"ok   {where}: ran ({time.monotonic() - t0:.1f} s, {len(lines)} lines of output)")
                for l in lines[:8]:
                    print("     | " + l[:150])
    finally:
        if work:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{elsewhere} examples checked by make readers (SQL in DuckDB, polars twins in Node.js)")
    print(f"examples: {passed} passed, {failed} failed, {skipped} skipped")
    sys.exit(1 if failed or not passed else 0)


if __name__ == "__main__":
    main()
