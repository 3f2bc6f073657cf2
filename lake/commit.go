package lake

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"
)

// ErrNoOutput is returned for a local output root that is not a directory.
var ErrNoOutput = errors.New("no output here: not a directory (wrong --out?)")

// ErrShardsIncomplete means a sharded run cannot be committed yet: a shard
// has not started, is still running or died. Nothing was published; commit
// again once the shard is complete.
var ErrShardsIncomplete = errors.New("shards not complete")

// CommitConfig says which sharded run to commit. The zero value of Log
// discards logs.
type CommitConfig struct {
	Out    string // output root: a directory or an object-store URL; default "out"
	RunID  string // the run id every shard was given
	Shards int    // the number of shards it was given
	Log    *slog.Logger
	// Fault, when set, is called before each publish step (PublishSteps);
	// an error it returns fails the commit there. Tests inject faults with it.
	Fault func(PublishStep) error
	now   func() time.Time
}

func (c CommitConfig) withDefaults() CommitConfig {
	if c.Out == "" {
		c.Out = "out"
	}
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
	if c.now == nil {
		c.now = time.Now
	}
	return c
}

// Validate reports a configuration that cannot commit.
func (c CommitConfig) Validate() error {
	if !ValidRunID(c.RunID) {
		return fmt.Errorf("run id %q: give the run id of the shards", c.RunID)
	}
	if c.Shards < 1 || c.Shards > MaxShards {
		return fmt.Errorf("shards %d: want 1..%d", c.Shards, MaxShards)
	}
	return nil
}

// CommitSummary tells what a commit did.
type CommitSummary struct {
	// Published is false when the run had been committed before: nothing new
	// was published.
	Published bool
	Manifest  Manifest // the committed run
	Location  string   // path or URL of the run manifest
}

// Commit publishes a sharded run: once every shard's manifest is complete,
// it publishes the shards' files onto the live tables and creates the run
// manifest, which lists every shard's files, exactly once (see
// publisher.publish: articles the run processed again leave the live
// tables). Readers and later runs see the run from that moment on, all of it.
// While a shard is missing it publishes nothing and returns an error that
// wraps ErrShardsIncomplete. Committing a committed run publishes nothing
// and reports Published false.
func Commit(ctx context.Context, cfg CommitConfig) (CommitSummary, error) {
	if err := cfg.Validate(); err != nil {
		return CommitSummary{}, err
	}
	cfg = cfg.withDefaults()
	st, err := openStore(ctx, cfg.Out)
	if err != nil {
		return CommitSummary{}, err
	}
	defer st.Close()
	sum := CommitSummary{Location: st.location(manifestKey(cfg.RunID))}

	// On local disk: no run without shards may write, and no shard of this
	// run may run, while the commit checks and publishes.
	unlockRoot, err := st.lock("", false)
	if err != nil {
		return sum, fmt.Errorf("a run without shards is writing to %s: %w", st, err)
	}
	defer unlockRoot()
	unlockRun, err := st.lock(cfg.RunID, true)
	if err != nil {
		return sum, fmt.Errorf("run %s: a shard is still running: %w", cfg.RunID, ErrShardsIncomplete)
	}
	defer unlockRun()
	// The commits of two runs must not interleave: each builds on the
	// snapshot the other replaces.
	unlockPublish, err := st.lock(publishLock, true)
	if err != nil {
		return sum, fmt.Errorf("another commit is publishing to %s: %w", st, err)
	}
	defer unlockPublish()

	state, err := loadState(ctx, st)
	if err != nil {
		return sum, fmt.Errorf("read earlier runs in %s: %w", st, err)
	}
	// A commit that failed after its manifest is finished first, also when
	// it is this run's: committing it again makes it live.
	p := &publisher{st: st, runID: cfg.RunID, stage: cfg.RunID + "/commit", state: state, fault: cfg.Fault, log: cfg.Log}
	if err := p.recover(ctx); err != nil {
		return sum, fmt.Errorf("finish the last commit: %w", err)
	}
	if m, err := readManifest(ctx, st, cfg.RunID); err != nil || m != nil {
		if m != nil {
			sum.Manifest = *m
		}
		return sum, err
	}
	shards, err := readShards(ctx, st, cfg.RunID, cfg.Shards)
	if err != nil {
		return sum, err
	}
	if err := checkOrder(state, cfg.RunID); err != nil {
		return sum, err
	}
	merged := mergeShards(cfg.RunID, shards, cfg.now())
	// One schema per table: older runs' files first (migrate.go).
	if p.migrated, err = migrateCommit(ctx, st, state, &merged, cfg); err != nil {
		return sum, err
	}
	m, created, err := p.publish(ctx, merged.Files, func(kept []FileInfo) Manifest {
		merged.Files = kept
		return merged
	})
	if err != nil {
		return sum, err
	}
	if !created {
		// Another commit won the race: report what it published.
		prev, err := readManifest(ctx, st, cfg.RunID)
		if err != nil || prev == nil {
			return sum, fmt.Errorf("run %s: committed meanwhile, but its manifest cannot be read: %v", cfg.RunID, err)
		}
		sum.Manifest = *prev
		return sum, nil
	}
	sum.Published, sum.Manifest = true, m
	p.migrated.record(ctx, st, cfg.Log)
	// The shards' staging areas and locks are no longer needed.
	st.clearStage(cfg.RunID)
	st.clearStage(cfg.RunID + ".lock")
	cfg.Log.Info("run committed", "run_id", cfg.RunID, "shards", cfg.Shards, "files", len(m.Files),
		"articles", m.Articles, "errors", m.Errors, "manifest", sum.Location)
	return sum, nil
}

// readShards reads the manifests of a run's shards and checks that all are
// complete and agree with each other.
func readShards(ctx context.Context, st store, runID string, n int) ([]ShardManifest, error) {
	var shards []ShardManifest
	var notDone []string
	for i := range n {
		m, err := readShardManifest(ctx, st, runID, i)
		if err != nil {
			return nil, err
		}
		switch {
		case m == nil:
			notDone = append(notDone, fmt.Sprintf("shard %d has not started", i))
		case !m.Complete:
			notDone = append(notDone, fmt.Sprintf("shard %d started %s and has not finished", i, m.Started))
		case m.Shards != n:
			return nil, fmt.Errorf("run %s: shard %d ran as one of %d shards, not %d", runID, i, m.Shards, n)
		default:
			shards = append(shards, *m)
		}
	}
	if len(notDone) > 0 {
		return nil, fmt.Errorf("run %s: %d of %d shards not complete (%s); nothing published: %w",
			runID, len(notDone), n, strings.Join(notDone, "; "), ErrShardsIncomplete)
	}
	keys, err := st.listDir(ctx, runsDir+"/"+runID+"/")
	if err != nil {
		return nil, err
	}
	for _, k := range keys {
		name := k[strings.LastIndexByte(k, '/')+1:]
		i, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(name, "shard-"), ".json"))
		if err == nil && i >= n {
			return nil, fmt.Errorf("run %s has a shard %d: it was run with more than %d shards", runID, i, n)
		}
	}
	first := shards[0]
	for _, m := range shards[1:] {
		if m.InputsDigest != first.InputsDigest {
			return nil, fmt.Errorf("run %s: shards %d and %d were assigned from different input lists (the inputs changed while the run ran); run again with a new run id", runID, first.Shard, m.Shard)
		}
		if m.PipelineVersion != first.PipelineVersion || m.SchemaVersion != first.SchemaVersion {
			return nil, fmt.Errorf("run %s: shards %d and %d were written by different versions (%s/%s, %s/%s)", runID,
				first.Shard, m.Shard, first.PipelineVersion, first.SchemaVersion, m.PipelineVersion, m.SchemaVersion)
		}
	}
	return shards, nil
}

// mergeShards is the run manifest of complete shards: their inputs and
// files in shard order, and the sums of their counts.
func mergeShards(runID string, shards []ShardManifest, now time.Time) Manifest {
	m := Manifest{RunID: runID, Shards: len(shards), Rows: Counts{},
		SchemaVersion: shards[0].SchemaVersion, PipelineVersion: shards[0].PipelineVersion,
		IngestDate: shards[0].IngestDate, Started: shards[0].Started, Reprocess: shards[0].Reprocess,
		Finished: now.UTC().Format(time.RFC3339)}
	for _, s := range shards {
		m.IngestDate = min(m.IngestDate, s.IngestDate)
		m.Started = min(m.Started, s.Started)
		m.Workers = max(m.Workers, s.Workers)
		m.Inputs = append(m.Inputs, s.Inputs...)
		m.Files = append(m.Files, s.Files...)
		for t, n := range s.Rows {
			m.Rows[t] += n
		}
		m.Articles += s.Articles
		m.Tokens += s.Tokens
		m.Skipped += s.Skipped
		m.Errors += s.Errors
	}
	if t, err := time.Parse(time.RFC3339, m.Started); err == nil {
		m.ElapsedSeconds = now.Sub(t).Seconds()
	}
	return m
}

// CommittedFiles returns where the files of the live tables of an output
// are (paths or URLs): the files a reader should read to see whole runs
// only, one version of every article. On local disk they are those of the
// snapshot _current points to, which a glob reader sees; while a committed
// run is not live yet (PendingRun) that is the previous run's. An empty
// table means every table.
func CommittedFiles(ctx context.Context, out, table string) ([]string, error) {
	return listFiles(ctx, out, table, false)
}

// HistoryFiles returns where the files that later runs replaced are kept
// (under _history/<run_id>/, by the run that replaced them), oldest run
// first, but those Prune removed. An empty table means every table.
func HistoryFiles(ctx context.Context, out, table string) ([]string, error) {
	return listFiles(ctx, out, table, true)
}

func listFiles(ctx context.Context, out, table string, history bool) ([]string, error) {
	if table != "" && !isTable(table) {
		return nil, fmt.Errorf("table %q: want one of %s", table, strings.Join(Tables, ", "))
	}
	st, err := openStore(ctx, out)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	list := committedKeys
	if history {
		list = historyKeys
	}
	keys, err := list(ctx, st, table)
	if err != nil {
		return nil, err
	}
	files := make([]string, len(keys))
	for i, k := range keys {
		files[i] = st.location(k)
	}
	return files, nil
}

func isTable(name string) bool {
	for _, t := range Tables {
		if t == name {
			return true
		}
	}
	return false
}
