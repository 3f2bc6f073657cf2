"""A stand-in for DuckDB's Python package, for executing docs/positions.ipynb
where that package cannot be installed (no Python Parquet reader in Debian 12,
no PyPI; see README.md beside this file).

It covers what the notebook and the Python examples of docs/EXAMPLES.md call,
``duckdb.connect()``, ``duckdb.sql(query)`` and ``con.sql(query)``, then
``.df()`` or ``.show()``, by running the query in DuckDB itself, through its
Node.js binding (docs/readers/query.mjs, @duckdb/node-api), and building the
pandas DataFrame from the JSON rows: DATE columns become datetime64[ns] (NaT
for null), integers int64 (or Int64 with nulls), lists Python lists. It is put
on the path only by docs/notebook/execute.py and examples.py; a reader with the
real duckdb package runs the notebook and the examples unchanged.
"""

import json
import os
import subprocess

import pandas as pd

__version__ = "stand-in (DuckDB through @duckdb/node-api)"

_QUERY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "readers", "query.mjs")


def _run(query):
    p = subprocess.run(["node", _QUERY], input=query, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError("duckdb (node): " + p.stderr.strip())
    return json.loads(p.stdout)


def _column(values, typ):
    if typ == "DATE" or typ.startswith("TIMESTAMP"):
        return pd.to_datetime(pd.Series(values, dtype="object"))
    if typ in ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT"):
        s = pd.Series([None if v is None else int(v) for v in values], dtype="object")
        return s.astype("Int64") if s.isna().any() else s.astype("int64")
    if typ in ("FLOAT", "DOUBLE") or typ.startswith("DECIMAL"):
        return pd.Series(values, dtype="float64")
    if typ == "BOOLEAN":
        return pd.Series(values, dtype="object" if None in values else "bool")
    return pd.Series(values, dtype="object")


class Relation:
    """The result of a query, as con.sql returns it."""

    def __init__(self, query):
        self.query = query

    def df(self):
        r = _run(self.query)
        cols = list(zip(*r["rows"])) if r["rows"] else [[] for _ in r["names"]]
        return pd.DataFrame({n: _column(list(c), t) for n, c, t in zip(r["names"], cols, r["types"])},
                            columns=r["names"])

    def show(self):
        """Prints the result (as a DataFrame; DuckDB draws a box table)."""
        print(self.df().to_string(index=False))


class Connection:
    """An in-memory database, as duckdb.connect() returns it."""

    def sql(self, query):
        return Relation(query)


def connect(database=":memory:"):
    return Connection()


def sql(query):
    return Relation(query)
