// Opens a communique run with real readers (DuckDB and polars) and checks
// tables, logical types and joins. Run by `make readers` (part of make test)
// against the output of `communique run` in $COMMUNIQUE_OUT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import pl from 'nodejs-polars';

const out = process.env.COMMUNIQUE_OUT || '../../out';
const tables = ['articles', 'sentences', 'entities', 'commitments', 'positions', 'errors'];
// One schema per table (older files are migrated on commit): no union_by_name.
const scan = (t) => `read_parquet('${out}/${t}/**/*.parquet', hive_partitioning=true)`;

// Column types as DuckDB reports them.
const want = {
  articles: { article_id: 'VARCHAR', published: 'DATE', n_sentences: 'INTEGER', text: 'VARCHAR' },
  sentences: { content_sha256: 'VARCHAR', sentence_index: 'INTEGER', start: 'INTEGER', end: 'INTEGER' },
  entities: { start: 'INTEGER', end: 'INTEGER', label: 'VARCHAR', role: 'VARCHAR', confidence: 'FLOAT' },
  commitments: { actor_ids: 'VARCHAR[]', target_ids: 'VARCHAR[]', negated: 'BOOLEAN', condition: 'VARCHAR' },
  positions: { actor_ids: 'VARCHAR[]', stance: 'VARCHAR', negated: 'BOOLEAN' },
  errors: { line: 'INTEGER', article_id: 'VARCHAR', content_sha256: 'VARCHAR', stage: 'VARCHAR' },
};

async function duck() {
  const db = await DuckDBInstance.create(':memory:');
  return db.connect();
}

async function rows(conn, sql) {
  const r = await conn.runAndReadAll(sql);
  return r.getRowObjectsJS();
}

test('duckdb opens every table with the right types', async () => {
  const conn = await duck();
  for (const t of tables) {
    const cols = await rows(conn, `DESCRIBE SELECT * FROM ${scan(t)}`);
    const types = Object.fromEntries(cols.map((c) => [c.column_name, c.column_type]));
    for (const [col, typ] of Object.entries(want[t])) {
      assert.equal(types[col], typ, `${t}.${col}`);
    }
  }
});

// Nullability and the file metadata as DuckDB reads them from the Parquet
// footers (the Go tests read the files back with parquet-go, the writer's
// own library; this is the independent reader's view): every column is
// OPTIONAL exactly where docs/SCHEMA.md says it is nullable.
function schemaDoc() {
  const cols = {};
  let table = null;
  for (const line of readFileSync('../SCHEMA.md', 'utf8').split('\n')) {
    const h = line.match(/^## (\w+)$/);
    if (h) table = h[1];
    const c = line.match(/^\| `(\w+)` \| [^|]+ \| (yes|no) \|/);
    if (table && c) (cols[table] ||= {})[c[1]] = c[2] === 'yes';
  }
  return cols;
}

test('duckdb: nullable columns as docs/SCHEMA.md says, and the file metadata', async () => {
  const conn = await duck();
  const doc = schemaDoc();
  const manifests = readdirSync(`${out}/_runs`).filter((f) => f.endsWith('.json'));
  const versions = new Set(manifests.map((f) => JSON.parse(readFileSync(`${out}/_runs/${f}`, 'utf8')).schema_version));
  for (const t of tables) {
    const glob = `'${out}/${t}/**/*.parquet'`;
    assert.ok(Object.keys(doc[t] || {}).length > 5, `docs/SCHEMA.md: no columns for ${t}`);
    for (const [col, isNull] of Object.entries(doc[t])) {
      const r = await rows(conn, `SELECT DISTINCT repetition_type AS rep FROM parquet_schema(${glob}) WHERE name = '${col}'`);
      assert.deepEqual(r.map((x) => x.rep), [isNull ? 'OPTIONAL' : 'REQUIRED'], `${t}.${col}`);
    }
    const kv = await rows(conn, `
      SELECT decode(key) AS k, decode(value) AS v, count(*)::INTEGER AS files
      FROM parquet_kv_metadata(${glob}) WHERE decode(key) LIKE 'communique.%' GROUP BY ALL`);
    const files = await rows(conn, `SELECT count(*)::INTEGER AS n FROM parquet_file_metadata(${glob})`);
    const has = (k) => kv.filter((x) => x.k === k).reduce((n, x) => n + x.files, 0);
    for (const k of ['communique.schema_version', 'communique.pipeline_version', 'communique.run_id', 'communique.table']) {
      assert.equal(has(k), files[0].n, `${t}: files without ${k}`);
    }
    for (const x of kv.filter((x) => x.k === 'communique.schema_version')) {
      assert.ok(versions.has(x.v), `${t}: schema_version ${x.v} is no manifest's`);
    }
    for (const x of kv.filter((x) => x.k === 'communique.table')) assert.equal(x.v, t);
  }
});

test('duckdb: offsets select the mention with substr', async () => {
  const conn = await duck();
  const bad = await rows(conn, `
    SELECT e.article_id, e.start, e.text
    FROM ${scan('entities')} e JOIN ${scan('articles')} a USING (article_id)
    WHERE substr(a.text, e.start + 1, e.end - e.start) <> e.text`);
  assert.deepEqual(bad, []);
  const n = await rows(conn, `SELECT count(*)::INTEGER AS n FROM ${scan('entities')}`);
  assert.ok(n[0].n > 0, 'entities table is empty');
});

test('duckdb: dates read as written', async () => {
  const conn = await duck();
  const r = await rows(conn, `SELECT article_id, published::VARCHAR AS d FROM ${scan('articles')} ORDER BY article_id`);
  assert.deepEqual(r.map((x) => x.d), ['2021-09-15', '2023-06-20']);
});

test('duckdb: joins on article_id and content_sha256', async () => {
  const conn = await duck();
  const r = await rows(conn, `
    SELECT a.article_id, count(DISTINCT s.sentence_index)::INTEGER AS n, any_value(a.n_sentences) AS want
    FROM ${scan('articles')} a JOIN ${scan('sentences')} s USING (article_id, content_sha256)
    GROUP BY a.article_id`);
  assert.ok(r.length > 0);
  for (const x of r) assert.equal(x.n, x.want, x.article_id);
});

// polars reads a table directory through a glob over its part files.
const polars = (t) => pl.scanParquet(`${out}/${t}/**/*.parquet`).collectSync();

test('polars reads every table', () => {
  for (const t of tables) {
    const df = polars(t);
    assert.ok(df.columns.includes(t === 'errors' ? 'stage' : 'article_id'), t);
  }
  const ents = polars('entities');
  assert.equal(String(ents.getColumn('start').dtype), 'DataType(Int32)');
  const com = polars('commitments');
  assert.match(String(com.getColumn('actor_ids').dtype), /List/);
  const arts = polars('articles');
  assert.equal(String(arts.getColumn('published').dtype), 'DataType(Date)');
  const joined = ents.join(arts.select('article_id', 'content_sha256', 'title'), { on: ['article_id', 'content_sha256'] });
  assert.equal(joined.height, ents.height);
});

// One version of every article. `make readers` replaces seed-000 twice (a
// sharded run with its text changed, then a plain --reprocess): the live
// tables hold its latest version only, and _history the replaced files.
test('duckdb: a glob read sees one version of every article', async () => {
  const conn = await duck();
  for (const t of tables.filter((t) => t !== 'errors')) {
    const multi = await rows(conn, `
      SELECT article_id, count(DISTINCT run_id)::INTEGER AS runs
      FROM ${scan(t)} GROUP BY article_id HAVING runs > 1`);
    assert.deepEqual(multi, [], `${t}: articles with rows of more than one run`);
  }
  const n = await rows(conn, `SELECT count(*)::INTEGER AS n, count(DISTINCT article_id)::INTEGER AS ids FROM ${scan('articles')}`);
  assert.deepEqual(n, [{ n: 2, ids: 2 }]);
  // Every row of a sentence, mention or stance belongs to its article's live version.
  const stale = await rows(conn, `
    SELECT e.article_id, e.run_id FROM ${scan('entities')} e
    JOIN ${scan('articles')} a USING (article_id) WHERE e.run_id <> a.run_id`);
  assert.deepEqual(stale, []);
});

// History keeps whole files: a replaced file also holds rows of articles
// that did not change (they live on in its rewrite), never newer ones.
test('duckdb: _history holds the replaced versions, none newer than the live ones', async (t) => {
  if (!existsSync(`${out}/_history`)) return t.skip('no article was replaced in this output');
  const conn = await duck();
  const hist = `read_parquet('${out}/_history/*/articles/**/*.parquet')`;
  const r = await rows(conn, `
    SELECT h.article_id, h.run_id AS old, a.run_id AS live
    FROM ${hist} h JOIN ${scan('articles')} a USING (article_id)`);
  assert.ok(r.length > 0, 'no replaced article in _history');
  for (const x of r) assert.ok(x.old <= x.live, `${x.article_id}: history run ${x.old} newer than live ${x.live}`);
  const changed = await rows(conn, `SELECT count(DISTINCT run_id)::INTEGER AS n FROM ${hist} WHERE article_id = 'seed-000'`);
  assert.equal(changed[0].n, 2, 'seed-000: its two replaced versions');
});

test('polars: a glob read sees one version of every article', () => {
  for (const t of tables.filter((t) => t !== 'errors')) {
    const df = polars(t);
    const multi = df.groupBy('article_id').agg(pl.col('run_id').nUnique().alias('runs')).filter(pl.col('runs').gt(1));
    assert.equal(multi.height, 0, `${t}: articles with rows of more than one run`);
  }
  const arts = polars('articles');
  assert.equal(arts.height, 2);
  assert.equal(arts.getColumn('article_id').nUnique(), 2);
});

// Every ```sql block of docs/EXAMPLES.md and of the README runs against the
// sample output.
test('docs/EXAMPLES.md and README.md DuckDB examples run', async () => {
  let n = 0;
  for (const f of ['../EXAMPLES.md', '../../README.md']) {
    const md = readFileSync(f, 'utf8');
    const blocks = [...md.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]);
    assert.ok(blocks.length >= 1, `${f}: no SQL example`);
    const conn = await duck();
    await conn.run(`SET file_search_path = '${out}/..'`);
    for (const sql of blocks) {
      const q = sql.replaceAll("'out/", `'${out}/`);
      const r = await rows(conn, q);
      assert.ok(Array.isArray(r), q);
      n++;
    }
  }
  assert.ok(n >= 5, 'expected at least five SQL examples');
});

// The Python polars examples of docs/EXAMPLES.md, which CI cannot run (no
// Python polars on Debian 12), checked by their twins here: the same calls
// in the Node.js binding (docs/notebook/examples.py checks that each twin
// named in EXAMPLES.md exists).
test('polars: the EXAMPLES.md polars example', () => {
  let com = pl.scanParquet(`${out}/commitments/**/*.parquet`, { hivePartitioning: true }).collectSync();
  const arts = pl.scanParquet(`${out}/articles/**/*.parquet`).collectSync().select('article_id', 'content_sha256', 'published');
  const rowsBefore = com.height;
  com = com.join(arts, { on: ['article_id', 'content_sha256'] }); // exact: one article version
  assert.equal(com.height, rowsBefore, 'the join on both keys kept one row per commitment');
  const r = com.explode('actor_ids')
    .groupBy(['actor_ids', 'modality'])
    .agg(pl.len().alias('n'), pl.col('action').first())
    .sort('n', true);
  assert.ok(r.height > 0);
  assert.deepEqual(r.columns, ['actor_ids', 'modality', 'n', 'action']);
  assert.equal(r.getColumn('n').sum(), com.explode('actor_ids').height);
});

test('polars: the EXAMPLES.md committed-files example', (t) => {
  const bin = process.env.COMMUNIQUE_BIN;
  if (!bin) return t.skip('COMMUNIQUE_BIN not set (make readers sets it)');
  const files = execFileSync(bin, ['files', '--out', out, '--table', 'entities'], { encoding: 'utf8' }).split(/\s+/).filter(Boolean);
  assert.ok(files.length > 0);
  const ents = pl.concat(files.map((f) => pl.scanParquet(f, { hivePartitioning: true }).collectSync()));
  const r = ents.groupBy('label').agg(pl.len().alias('len'));
  assert.equal(r.getColumn('len').sum(), polars('entities').height);
});

// Every notebook in docs/ is stored executed: each code cell ran, none
// failed, and its charts are there (make notebook-check executes them again).
test('docs notebooks are stored with their outputs', () => {
  const notebooks = readdirSync('..').filter((f) => f.endsWith('.ipynb'));
  assert.ok(notebooks.length > 0, 'no notebook in docs/');
  for (const f of notebooks) {
    const nb = JSON.parse(readFileSync(`../${f}`, 'utf8'));
    const code = nb.cells.filter((c) => c.cell_type === 'code');
    for (const c of code) {
      assert.notEqual(c.execution_count, null, `${f} cell ${c.id}: not executed`);
      assert.ok(!c.outputs.some((o) => o.output_type === 'error'), `${f} cell ${c.id}: an error is stored`);
    }
    const images = code.flatMap((c) => c.outputs).filter((o) => o.data && o.data['image/png']);
    assert.ok(images.length > 0, `${f}: no chart stored`);
  }
});
