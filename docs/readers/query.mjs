// Runs one SQL statement (read from standard input) in DuckDB and prints the
// result as JSON: {"names": [...], "types": [...], "rows": [[...], ...]}.
// docs/notebook/duckdb.py uses it to stand in for DuckDB's Python package
// where that cannot be installed (see docs/notebook/README.md).
import { DuckDBInstance } from '@duckdb/node-api';

let sql = '';
for await (const chunk of process.stdin) sql += chunk;
const db = await DuckDBInstance.create(':memory:');
const conn = await db.connect();
const r = await conn.runAndReadAll(sql);
process.stdout.write(JSON.stringify({
  names: r.columnNames(),
  types: r.columnTypes().map(String),
  rows: r.getRowsJson(),
}));
