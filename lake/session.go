package lake

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/communique/communique/models"
)

// MaxShards bounds the shards of a sharded run.
const MaxShards = 100000

// ValidRunID reports whether s can name a run: letters, digits, '.', '_'
// and '-', at most 128 bytes, not starting with '.'. Run ids must also sort
// by time (see ErrRunIDOrder), which a run checks against the committed ones.
func ValidRunID(s string) bool {
	if s == "" || s[0] == '.' || len(s) > 128 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// NewRunID returns a unique run id that sorts by time, such as
// 20261123T184500.123Z-3f9a1c: to the millisecond, so that two runs in the
// same second still sort in the order they started.
func NewRunID(t time.Time) string {
	var b [3]byte
	rand.Read(b[:])
	return t.UTC().Format("20060102T150405.000Z") + "-" + hex.EncodeToString(b[:])
}

// SessionConfig names the run, or the shard of a run, that writes to an
// output root.
type SessionConfig struct {
	Out        string // a directory or an object-store URL
	RunID      string
	Shards     int // 0: a run without shards, which commits itself
	ShardIndex int
	Log        *slog.Logger
	// Fault, when set, is called before each publish step (PublishSteps);
	// an error it returns fails the publish there. Tests inject faults
	// with it.
	Fault func(PublishStep) error
}

// Session is one run's (or one shard's) hold on an output root: its locks,
// the state of the committed runs, its staged part files and their
// publication. Open it, Begin, write through Writers, then Publish or Abort;
// Close always.
type Session struct {
	st     store
	cfg    SessionConfig
	state  *State
	stage  string
	shardM ShardManifest
	unlock func()
}

// Open opens the output root, takes the run's locks (see lockRun) and reads
// the committed runs. It fails when the run id is already committed.
func Open(ctx context.Context, cfg SessionConfig) (*Session, error) {
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	st, err := openStore(ctx, cfg.Out)
	if err != nil {
		return nil, err
	}
	unlock, err := lockRun(st, cfg)
	if err != nil {
		st.Close()
		return nil, err
	}
	s := &Session{st: st, cfg: cfg, unlock: unlock, stage: cfg.RunID}
	if cfg.Shards > 0 {
		s.stage = fmt.Sprintf("%s/shard-%d", cfg.RunID, cfg.ShardIndex)
	}
	s.state, err = loadState(ctx, st)
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("read earlier runs in %s: %w", st, err)
	}
	if err := checkSchemaVersions(s.state.Manifests); err != nil {
		s.Close()
		return nil, fmt.Errorf("%s: %w", st, err)
	}
	if s.state.Committed(cfg.RunID) {
		s.Close()
		return nil, fmt.Errorf("run id %s is already committed in %s", cfg.RunID, st)
	}
	if err := checkOrder(s.state, cfg.RunID); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Close releases the locks and the store.
func (s *Session) Close() {
	s.unlock()
	s.st.Close()
}

// String names the output root for messages.
func (s *Session) String() string { return s.st.String() }

// State is the state of the runs committed before this one.
func (s *Session) State() *State { return s.state }

// Begin prepares the output root for the run's files. A shard records its
// start with shard manifest m before it writes any file and removes what an
// earlier attempt wrote; a run without shards on a local root removes the
// files of dead runs. It returns the ingest date of the run's files: ingest,
// or for a retried shard that of its first attempt.
func (s *Session) Begin(ctx context.Context, ingest string, m ShardManifest) (string, error) {
	if s.cfg.Shards > 0 {
		s.shardM = m
		return startShard(ctx, s.st, s.stage, m)
	}
	if err := s.publisher().recover(ctx); err != nil {
		return "", fmt.Errorf("finish the last commit: %w", err)
	}
	if d, ok := s.st.(*diskStore); ok {
		if err := cleanDisk(d, s.state, s.cfg.Log); err != nil {
			return "", err
		}
	}
	return ingest, nil
}

// Writers creates the run's part files, one per table, under the stage.
func (s *Session) Writers(ctx context.Context, ingest string) (*Writers, error) {
	meta := map[string]string{
		MetaSchemaVersion:   models.SchemaVersion,
		MetaPipelineVersion: models.PipelineVersion,
		MetaRunID:           s.cfg.RunID,
	}
	w, err := newWriters(func(table string) (partFile, string, error) {
		key := partKey(table, ingest, s.cfg.RunID, s.cfg.ShardIndex)
		f, err := s.st.create(ctx, s.stage, key)
		return f, key, err
	}, meta)
	if err != nil {
		s.st.clearStage(s.stage)
		return nil, err
	}
	return w, nil
}

// Abort removes the run's staged files.
func (s *Session) Abort() { s.st.clearStage(s.stage) }

// Publish makes the written files visible and commits the run: manifest
// returns the manifest for the files kept (a table's empty file is dropped
// once the table has another), which a run without shards publishes onto
// the live tables (publisher.publish: the articles it processed again leave
// them, their old files go to _history/<run_id>/) and a shard writes,
// complete, as its shard manifest. It returns the files published and where
// the manifest is.
func (s *Session) Publish(ctx context.Context, written []FileInfo, manifest func(published []FileInfo) Manifest) (published []FileInfo, location string, err error) {
	p := s.publisher()
	if s.cfg.Shards == 0 {
		// One schema per table: older runs' files first (migrate.go).
		if p.migrated, err = migrateRuns(ctx, s.st, s.state, s.cfg.RunID, s.stage+"/_migrate", time.Now(), s.cfg.Log); err != nil {
			return nil, "", err
		}
	}
	if err := p.step(StepStage); err != nil {
		return nil, "", err
	}
	for _, f := range written {
		if err := s.st.publish(ctx, s.stage, f.Path); err != nil {
			return nil, "", err
		}
	}
	if s.cfg.Shards > 0 {
		m := manifest(written)
		s.shardM.Manifest, s.shardM.Complete = m, true
		if err := writeShardManifest(ctx, s.st, s.shardM); err != nil {
			return written, "", err
		}
		s.st.clearStage(s.stage)
		return written, s.st.location(shardManifestKey(s.cfg.RunID, s.cfg.ShardIndex)), nil
	}
	m, created, err := p.publish(ctx, written, manifest)
	if err != nil {
		return m.Files, "", err
	}
	if !created {
		return m.Files, "", fmt.Errorf("run id %s was committed in %s by another run meanwhile; this run's files are not part of it", s.cfg.RunID, s.st)
	}
	p.migrated.record(ctx, s.st, s.cfg.Log)
	s.st.clearStage("")
	return m.Files, s.st.location(manifestKey(s.cfg.RunID)), nil
}

// publisher publishes this run onto the live tables.
func (s *Session) publisher() *publisher {
	return &publisher{st: s.st, runID: s.cfg.RunID, stage: s.stage, state: s.state, fault: s.cfg.Fault, log: s.cfg.Log}
}

// lockRun takes the locks of a run on a local output root. A run without
// shards holds the root lock exclusively: nothing else writes meanwhile. A
// shard holds the root lock and its run's lock shared, so the shards of a
// run (and of other runs) work side by side while runs without shards and
// the run's commit wait, and its own shard lock exclusively, so no shard
// runs twice at once.
func lockRun(st store, cfg SessionConfig) (unlock func(), err error) {
	if cfg.Shards == 0 {
		u, err := st.lock("", true)
		if errors.Is(err, ErrLocked) {
			return nil, fmt.Errorf("%w; wait for it to finish", err)
		}
		if err != nil {
			return nil, fmt.Errorf("lock %s: %w", st, err)
		}
		return u, nil
	}
	var held []func()
	release := func() {
		for i := len(held) - 1; i >= 0; i-- {
			held[i]()
		}
	}
	for _, l := range []struct {
		name      string
		exclusive bool
		what      string
	}{
		{"", false, "a run without shards is writing to " + st.String()},
		{cfg.RunID, false, "run " + cfg.RunID + " is being committed"},
		{fmt.Sprintf("%s/shard-%d", cfg.RunID, cfg.ShardIndex), true, fmt.Sprintf("shard %d of run %s is already running", cfg.ShardIndex, cfg.RunID)},
	} {
		u, err := st.lock(l.name, l.exclusive)
		if err != nil {
			release()
			return nil, fmt.Errorf("%s: %w", l.what, err)
		}
		held = append(held, u)
	}
	return release, nil
}

// startShard records that a shard started, before it writes any file, and
// removes what an earlier attempt of the shard wrote. It returns the ingest
// date of the shard's files: that of the first attempt, so every attempt
// writes the same keys and replaces exactly its own files.
func startShard(ctx context.Context, st store, stage string, m ShardManifest) (ingest string, err error) {
	prev, err := readShardManifest(ctx, st, m.RunID, m.Shard)
	if err != nil {
		return "", err
	}
	if prev != nil {
		if prev.Shards != m.Shards {
			return "", fmt.Errorf("run %s was started with %d shards, not %d: use a new run id", m.RunID, prev.Shards, m.Shards)
		}
		m.IngestDate = prev.IngestDate
	}
	if err := writeShardManifest(ctx, st, m); err != nil {
		return "", err
	}
	// An attempt writes its manifest before any file: without an earlier
	// manifest there are no earlier files.
	for _, t := range Tables {
		if prev != nil {
			if err := st.remove(ctx, st.pendingKey(partKey(t, m.IngestDate, m.RunID, m.Shard))); err != nil {
				return "", fmt.Errorf("remove the files of an earlier attempt: %w", err)
			}
		}
	}
	if err := st.clearStage(stage); err != nil {
		return "", err
	}
	return m.IngestDate, nil
}

// cleanDisk removes the files of dead runs from a local output root; the
// caller holds the root lock exclusively.
func cleanDisk(d *diskStore, state *State, log *slog.Logger) error {
	finished, err := d.finishedShards(state.runs)
	if err != nil {
		return err
	}
	removed, err := d.cleanOrphans(state.runs, finished)
	if err != nil {
		return err
	}
	for _, p := range removed {
		log.Warn("removed file of an uncommitted run", "path", p)
	}
	return nil
}
