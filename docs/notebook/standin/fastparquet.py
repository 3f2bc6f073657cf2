"""A stand-in for fastparquet, the Parquet engine pandas.read_parquet falls
back to, for executing the pandas examples of docs/EXAMPLES.md where no
Python Parquet reader can be installed (Debian 12 has neither pyarrow nor
fastparquet, and PyPI is out of reach; see README.md beside this file).

pandas (1.5, Debian's) calls ``ParquetFile(path).to_pandas(columns=...)``
with a directory path, or an open file for a single file. This module reads
the file, or every ``**/*.parquet`` under the directory with its hive
partitions (``ingest_date=...``) as columns as pyarrow does, in DuckDB itself,
through the duckdb stand-in beside it (DuckDB's Node.js binding), and returns
the pandas DataFrame. pandas then does everything else the examples do. It
is put on the path only by docs/notebook/examples.py, after the real
packages: a reader with pyarrow or fastparquet never imports it.
"""

import os

import duckdb  # the real package or the stand-in beside this file

__version__ = "0.7.0"  # what pandas checks; this module is a stand-in


def _quote(s):
    return "'" + s.replace("'", "''") + "'"


class ParquetFile:
    """A Parquet file or a directory of them, as pandas opens it."""

    def __init__(self, path, **_):
        path = getattr(path, "name", path)  # pandas hands over an open file
        if os.path.isdir(path):
            self.source = f"read_parquet({_quote(os.path.join(path, '**', '*.parquet'))}, hive_partitioning = true)"
        else:
            self.source = f"read_parquet({_quote(path)})"

    def to_pandas(self, columns=None, **_):
        cols = "*" if not columns else ", ".join('"' + c.replace('"', '""') + '"' for c in columns)
        return duckdb.sql(f"SELECT {cols} FROM {self.source}").df()
