// Opens an output root written at schema 1.0.0 (lake/testdata/schema-1.0.0)
// after a run of this communique committed to it, which migrates the old
// files to the current schema. Globs over each table then read without
// options (no union_by_name) in DuckDB and polars, with the columns of a
// fresh run, and joins on article_id and content_sha256 are exact. Run by
// `make readers` with $COMMUNIQUE_UPGRADED and $COMMUNIQUE_OUT set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import pl from 'nodejs-polars';

const upgraded = process.env.COMMUNIQUE_UPGRADED;
const fresh = process.env.COMMUNIQUE_OUT || '../../out';
const tables = ['articles', 'sentences', 'entities', 'commitments', 'positions', 'errors'];
const skip = upgraded ? false : 'COMMUNIQUE_UPGRADED is not set (make readers sets it)';

async function rows(sql) {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const r = await conn.runAndReadAll(sql);
  return r.getRowObjectsJS();
}

// Rows per table in the committed manifests of the upgraded root.
function manifestRows() {
  const n = Object.fromEntries(tables.map((t) => [t, 0]));
  for (const f of readdirSync(`${upgraded}/_runs`).filter((f) => f.endsWith('.json'))) {
    const m = JSON.parse(readFileSync(`${upgraded}/_runs/${f}`, 'utf8'));
    for (const file of m.files) n[file.table] += file.rows;
  }
  return n;
}

test('duckdb reads every upgraded table without options', { skip }, async () => {
  const want = manifestRows();
  for (const t of tables) {
    const glob = `'${upgraded}/${t}/**/*.parquet'`;
    const got = await rows(`DESCRIBE SELECT * FROM read_parquet(${glob})`);
    const cur = await rows(`DESCRIBE SELECT * FROM read_parquet('${fresh}/${t}/**/*.parquet')`);
    assert.deepEqual(got.map((c) => `${c.column_name} ${c.column_type}`),
      cur.map((c) => `${c.column_name} ${c.column_type}`), `${t}: columns of a fresh run`);
    const n = await rows(`SELECT count(*)::INTEGER AS n FROM read_parquet(${glob})`);
    assert.equal(n[0].n, want[t], `${t}: rows`);
  }
  assert.ok(want.entities > 0 && want.errors > 0);
});

test('polars reads every upgraded table without options', { skip }, () => {
  const want = manifestRows();
  for (const t of tables) {
    const df = pl.scanParquet(`${upgraded}/${t}/**/*.parquet`).collectSync();
    const cur = pl.scanParquet(`${fresh}/${t}/**/*.parquet`).collectSync();
    assert.deepEqual(df.columns, cur.columns, `${t}: columns of a fresh run`);
    assert.equal(df.height, want[t], `${t}: rows`);
  }
});

test('upgraded rows join their article version exactly', { skip }, async () => {
  for (const t of ['sentences', 'entities', 'commitments', 'positions']) {
    const r = await rows(`
      SELECT count(*)::INTEGER AS n, count(a.article_id)::INTEGER AS joined
      FROM read_parquet('${upgraded}/${t}/**/*.parquet') x
      LEFT JOIN read_parquet('${upgraded}/articles/**/*.parquet') a USING (article_id, content_sha256)`);
    assert.ok(r[0].n > 0, t);
    assert.equal(r[0].joined, r[0].n, `${t}: rows without their article version`);
  }
  const e = pl.scanParquet(`${upgraded}/entities/**/*.parquet`).collectSync();
  const a = pl.scanParquet(`${upgraded}/articles/**/*.parquet`).collectSync().select('article_id', 'content_sha256', 'title');
  assert.equal(e.join(a, { on: ['article_id', 'content_sha256'] }).height, e.height);
});
