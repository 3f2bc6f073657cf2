package lake

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"strings"
)

// PublishStep names one step of publishing a run onto the live tables, in
// the order they run. A fault hook (SessionConfig.Fault, CommitConfig.Fault)
// is called before each; the error it returns fails the publish there, as
// an I/O error at that step would.
type PublishStep string

// The steps of publishing a run. Until StepManifest completes readers and
// later runs see the previous snapshot; from then on the run is committed,
// and a later run or commit finishes the steps after it if this one failed.
const (
	// StepStage moves the run's closed files out of staging (local disk).
	StepStage PublishStep = "stage"
	// StepRewrite copies every live file that holds a replaced article
	// without that article's rows (copy-on-write).
	StepRewrite PublishStep = "rewrite"
	// StepHistory links (copies) the replaced files under _history/<run_id>/.
	StepHistory PublishStep = "history"
	// StepSnapshot builds the run's snapshot directory (local disk).
	StepSnapshot PublishStep = "snapshot"
	// StepManifest creates the run manifest: the commit point.
	StepManifest PublishStep = "manifest"
	// StepSwap points _current at the new snapshot (local disk) or deletes
	// the replaced objects from the live prefix (object store).
	StepSwap PublishStep = "swap"
	// StepCleanup removes the previous snapshot and the staged files (local
	// disk) or the objects of runs that never committed and sort before the
	// run (object store; uncommitted_blob.go).
	StepCleanup PublishStep = "cleanup"
)

// PublishSteps lists the steps in order.
var PublishSteps = []PublishStep{StepStage, StepRewrite, StepHistory, StepSnapshot, StepManifest, StepSwap, StepCleanup}

// ErrRunIDOrder means a run id does not sort after every committed run's.
// Run ids must sort by time: the live snapshot is the committed run with the
// greatest id. Generated ids (NewRunID, a UTC timestamp first) do; given ids
// do if every run is named the same way, e.g. by its UTC date (2026-11-23)
// or a timestamp prefix (20261123T1845Z-nightly).
var ErrRunIDOrder = errors.New("run ids must sort by time: give a run id that sorts after it, e.g. one with a UTC date or timestamp prefix")

// rewriteBase numbers the files a commit rewrites: part-<run>-<rewriteBase+i>,
// above every shard index, so they never collide with the run's own files.
const rewriteBase = MaxShards

// copyKey is the key of a copy that run runID writes of the live file key
// (a copy-on-write rewrite, or a migrated copy): the same partition, named
// part-<runID>-<base+i>. names numbers the copies by partition and file
// name, from base up, so the copies of one run and shard's tables share a
// name as the originals did (migrateManifest pairs them by name).
func copyKey(key, runID string, base int, names map[string]int) string {
	src := key[strings.IndexByte(key, '/')+1:]
	n, ok := names[src]
	if !ok {
		n = base + len(names)
		names[src] = n
	}
	return key[:strings.LastIndexByte(key, '/')+1] + partName(runID, n)
}

// historyKey is where a replaced live file is kept: _history/<run_id>/<key>.
func historyKey(runID, key string) string { return historyDir + "/" + runID + "/" + key }

// publisher publishes one run's files onto the live tables.
type publisher struct {
	st    store
	runID string
	stage string // staging area of the files it rewrites
	state *State // the runs committed before
	fault func(PublishStep) error
	log   *slog.Logger
	// migrated holds the live files this commit migrated to the current
	// schema and their copies (migrate.go), which take their place.
	migrated *migration
}

// liveKey is where the file key of the live tables is read: a migrated
// copy this commit wrote at its pending key, any other under the previous
// snapshot.
func (p *publisher) liveKey(key string) string {
	if p.migrated.isCopy(key) {
		return p.st.pendingKey(key)
	}
	return p.state.livePrefix + key
}

// prevLive returns the live files before the run: those of the previous
// commit, with this commit's migrated copies in place of the files they
// migrated.
func (p *publisher) prevLive() []FileInfo {
	live := make([]FileInfo, 0, len(p.state.live))
	for _, f := range p.state.live {
		if c, ok := p.migrated.copy(f.Path); ok {
			f = c
		}
		live = append(live, f)
	}
	return live
}

// step runs the fault hook before step s.
func (p *publisher) step(s PublishStep) error {
	if p.fault == nil {
		return nil
	}
	if err := p.fault(s); err != nil {
		return fmt.Errorf("publish run %s, step %s: %w", p.runID, s, err)
	}
	return nil
}

// checkOrder refuses a run id that does not sort after every committed run:
// the latest snapshot is the committed run with the greatest id.
func checkOrder(state *State, runID string) error {
	if last := state.latest(); last != "" && runID <= last {
		return fmt.Errorf("run id %q sorts before committed run %q: %w", runID, last, ErrRunIDOrder)
	}
	return nil
}

// publish commits a run whose closed files are at their pending keys: it
// rewrites the live files that hold articles the run replaces, keeps the
// replaced files under _history/<run_id>/, builds the new snapshot, creates
// the manifest that manifest returns for the run's kept files, and makes the
// snapshot live. created is false when another process committed the run
// id meanwhile.
func (p *publisher) publish(ctx context.Context, files []FileInfo, manifest func(kept []FileInfo) Manifest) (m Manifest, created bool, err error) {
	if err := p.step(StepRewrite); err != nil {
		return m, false, err
	}
	prev := p.prevLive()
	replaced, rewritten, err := p.rewrite(ctx, prev, files)
	if err != nil {
		return m, false, err
	}
	gone := map[string]bool{}
	for _, f := range replaced {
		gone[f.Path] = true
	}
	var live []FileInfo
	has := map[string]bool{}
	for _, f := range prev {
		if !gone[f.Path] {
			live = append(live, f)
			has[f.Table] = true
		}
	}
	for _, f := range rewritten {
		live = append(live, f)
		has[f.Table] = true
	}
	// The migrated copies still live are this commit's rewrites too (a
	// later migration finds them there); the files they migrated leave the
	// live tables.
	var migrated []FileInfo
	if p.migrated != nil {
		for _, c := range p.migrated.copies {
			if !gone[c.Path] {
				rewritten = append(rewritten, c)
			}
		}
		migrated = p.migrated.old
	}
	for _, f := range files {
		if f.Rows > 0 {
			has[f.Table] = true
		}
	}
	var kept []FileInfo
	for _, f := range files {
		if f.Rows == 0 && has[f.Table] {
			// Keep one file per table so readers always find a schema, but
			// no more empty ones.
			if err := p.st.remove(ctx, p.st.pendingKey(f.Path)); err != nil {
				return m, false, err
			}
			continue
		}
		kept = append(kept, f)
		has[f.Table] = true
	}
	live = append(live, kept...)
	sortFiles(live)
	m = manifest(kept)
	m.Files, m.Live, m.Replaced, m.Rewritten = nonNil(kept), live, nonNil(replaced), nonNil(rewritten)
	m.Migrated = migrated

	if err := p.step(StepHistory); err != nil {
		return m, false, err
	}
	for _, f := range replaced {
		if err := p.st.copy(ctx, p.liveKey(f.Path), historyKey(p.runID, f.Path)); err != nil {
			return m, false, fmt.Errorf("keep %s in history: %w", p.st.location(f.Path), err)
		}
	}
	if err := p.step(StepSnapshot); err != nil {
		return m, false, err
	}
	d, onDisk := p.st.(*diskStore)
	if onDisk {
		if err := d.buildSnapshot(p.runID, p.state, live); err != nil {
			return m, false, err
		}
	}
	if err := p.step(StepManifest); err != nil {
		return m, false, err
	}
	if !onDisk {
		// No locks: refuse if a later run committed meanwhile, so that a run
		// before the latest commit never commits (uncommitted_blob.go).
		if err := checkNoLaterCommit(ctx, p.st, p.runID); err != nil {
			return m, false, err
		}
	}
	created, err = commitManifest(ctx, p.st, m)
	if err != nil || !created {
		return m, created, err
	}
	if err := p.step(StepSwap); err != nil {
		return m, true, fmt.Errorf("run %s is committed; the next run or commit makes it live: %w", p.runID, err)
	}
	if err := p.finish(ctx, m); err != nil {
		return m, true, fmt.Errorf("run %s is committed; the next run or commit makes it live: %w", p.runID, err)
	}
	if err := p.step(StepCleanup); err != nil {
		return m, true, err
	}
	if !onDisk {
		// The objects of runs before this one that never committed: a glob
		// over the prefix would read them.
		ms := append(append([]Manifest{}, p.state.Manifests...), m)
		removed, err := removeUncommitted(ctx, p.st, ms, p.runID, false)
		if err != nil {
			return m, true, fmt.Errorf("run %s is committed: %w", p.runID, err)
		}
		if len(removed) > 0 {
			p.log.Warn("removed the objects of runs that never committed", "objects", len(removed), "first", removed[0])
		}
	}
	if onDisk {
		pending := append(append([]FileInfo{}, files...), rewritten...)
		if p.migrated != nil {
			pending = append(pending, p.migrated.copies...)
		}
		if err := d.removePending(pending); err != nil {
			return m, true, err
		}
		if _, err := d.removeSnapshots(map[string]bool{p.runID: true}, false); err != nil {
			return m, true, err
		}
	}
	return m, true, p.st.clearStage(p.stage)
}

// finish makes committed run m live: on local disk _current points to its
// snapshot, on an object store its replaced and migrated files leave the
// live prefix. It is idempotent: a later run calls it again when a commit
// failed between its manifest and here.
func (p *publisher) finish(ctx context.Context, m Manifest) error {
	if d, ok := p.st.(*diskStore); ok {
		return d.swap(m.RunID)
	}
	for _, gone := range []struct {
		files []FileInfo
		what  string
	}{{m.Replaced, "replaced"}, {m.Migrated, "migrated"}} {
		for _, f := range gone.files {
			if err := p.st.remove(ctx, f.Path); err != nil {
				return fmt.Errorf("remove %s file %s: %w", gone.what, p.st.location(f.Path), err)
			}
		}
	}
	return nil
}

// recover finishes the latest commit if it failed after its manifest.
func (p *publisher) recover(ctx context.Context) error {
	m := p.state.latestManifest()
	if m == nil || len(m.Live) == 0 {
		return nil // nothing committed, or only runs from before snapshots
	}
	d, onDisk := p.st.(*diskStore)
	if !onDisk || d.current() != m.RunID {
		if err := p.finish(ctx, *m); err != nil {
			return err
		}
	}
	if onDisk {
		_, err := d.removeSnapshots(map[string]bool{m.RunID: true}, false)
		return err
	}
	return nil
}

// rewrite finds the live files that hold articles the new files replace and
// writes each again without them. It returns the replaced files and their
// rewrites (a rewrite without rows is dropped).
func (p *publisher) rewrite(ctx context.Context, prev, files []FileInfo) (replaced, rewritten []FileInfo, err error) {
	ids := map[string]bool{}
	committed := false
	for _, f := range files {
		if f.Rows == 0 || (f.Table != TableArticles && f.Table != TableErrors) {
			continue
		}
		got, err := articleIDs(ctx, p.st, p.st.pendingKey(f.Path))
		if err != nil {
			return nil, nil, err
		}
		for id := range got {
			ids[id] = true
			if _, ok := p.state.articles[id]; ok {
				committed = true
			}
		}
	}
	if !committed {
		return nil, nil, nil // only new articles: nothing to replace
	}
	names := map[string]int{} // partition/name of a replaced file → number of its copies (copyKey)
	for _, f := range prev {
		if f.Rows == 0 {
			continue
		}
		hit, err := holdsAny(ctx, p.st, p.liveKey(f.Path), ids)
		if err != nil {
			return nil, nil, err
		}
		if !hit {
			continue
		}
		replaced = append(replaced, f)
		key := copyKey(f.Path, p.runID, rewriteBase, names)
		out, err := p.st.create(ctx, p.stage, key)
		if err != nil {
			return nil, nil, err
		}
		rows, err := rewriteWithout(ctx, p.st, p.liveKey(f.Path), out, ids)
		if err != nil {
			out.Abort()
			return nil, nil, err
		}
		if rows == 0 {
			out.Abort()
			continue
		}
		if err := out.Close(); err != nil {
			return nil, nil, fmt.Errorf("close %s: %w", key, err)
		}
		if err := p.st.publish(ctx, p.stage, key); err != nil {
			return nil, nil, err
		}
		rewritten = append(rewritten, FileInfo{Table: f.Table, Path: key, Rows: rows})
		p.log.Info("rewrote file without replaced articles", "file", f.Path, "rewrite", key, "rows", rows, "dropped", f.Rows-rows)
	}
	return replaced, rewritten, nil
}

func sortFiles(fs []FileInfo) {
	sort.Slice(fs, func(i, j int) bool {
		if fs[i].Table != fs[j].Table {
			return tableIndex(fs[i].Table) < tableIndex(fs[j].Table)
		}
		return fs[i].Path < fs[j].Path
	})
}

func tableIndex(t string) int {
	for i, n := range Tables {
		if n == t {
			return i
		}
	}
	return len(Tables)
}

func nonNil(fs []FileInfo) []FileInfo {
	if fs == nil {
		return []FileInfo{}
	}
	return fs
}
