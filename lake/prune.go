package lake

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Pruning. Every commit that replaces articles keeps the replaced files
// under _history/<run_id>/, and nothing else removes them: Prune keeps the
// history of the last Keep committed runs and removes the older runs'.
// On local disk it also removes the snapshots under _snapshots/ that are
// neither pointed at by a symlink in the root (_current, or one a user
// made) nor the latest committed run's (which a commit that failed before
// its swap leaves for the next run to make live) nor among the last Keep
// runs'. In an object store it also removes the objects of runs that never
// committed and sort before the latest commit, which can never commit
// (uncommitted_blob.go); those of a run that sorts after it are left alone,
// as its commit may be under way (on local disk the next run removes what
// dead runs left). On local disk Prune holds the root lock exclusively, so
// it refuses while a run, a shard or a commit is writing, and they wait for
// it; an object store has no locks, and pruning there removes files of
// committed runs that no live table lists and files of dead runs only.

// PruneConfig says what Prune keeps.
type PruneConfig struct {
	Out    string // output root: a directory or an object-store URL
	Keep   int    // the number of latest committed runs whose history is kept; 1 or more
	DryRun bool   // report what would be removed, remove nothing
}

// PrunedRun is the history of one run that Prune removed.
type PrunedRun struct {
	RunID    string
	Location string // where the history was: _history/<run_id>/
	Files    int
}

// PruneSummary tells what Prune removed (in a dry run, would remove).
type PruneSummary struct {
	History   []PrunedRun // oldest run first
	Snapshots []string    // locations of the removed snapshots
	// Uncommitted lists the objects of runs that never committed and sort
	// before the latest commit (object stores; uncommitted_blob.go).
	Uncommitted []string
	Kept        []string // the runs whose history is kept, oldest first
}

// Prune removes the history of all but the last cfg.Keep committed runs of
// an output root and, on local disk, the snapshots no reader is pointed at
// (see above). The live tables are never touched.
func Prune(ctx context.Context, cfg PruneConfig) (PruneSummary, error) {
	var sum PruneSummary
	if cfg.Keep < 1 {
		return sum, fmt.Errorf("keep %d: want 1 or more (the latest run's history is always kept)", cfg.Keep)
	}
	if cfg.Out == "" {
		cfg.Out = "out"
	}
	st, err := openStore(ctx, cfg.Out)
	if err != nil {
		return sum, err
	}
	defer st.Close()
	d, onDisk := st.(*diskStore)
	if onDisk {
		if err := d.exists(); err != nil {
			return sum, err
		}
	}
	unlock, err := st.lock("", true)
	if errors.Is(err, ErrLocked) {
		return sum, fmt.Errorf("%w; prune once it has finished", err)
	}
	if err != nil {
		return sum, fmt.Errorf("lock %s: %w", st, err)
	}
	defer unlock()
	ms, err := manifestsOf(ctx, st)
	if err != nil {
		return sum, err
	}
	committed, keep := map[string]bool{}, map[string]bool{}
	for i, m := range ms {
		committed[m.RunID] = true
		if i >= len(ms)-cfg.Keep {
			keep[m.RunID] = true
			sum.Kept = append(sum.Kept, m.RunID)
		}
	}

	keys, err := st.listTree(ctx, historyDir+"/")
	if err != nil {
		return sum, err
	}
	files := map[string]int{}
	for _, k := range keys {
		run, _, _ := strings.Cut(strings.TrimPrefix(k, historyDir+"/"), "/")
		files[run]++
	}
	runs := make([]string, 0, len(files))
	for run := range files {
		if committed[run] && !keep[run] {
			runs = append(runs, run)
		}
	}
	sort.Strings(runs)
	for _, run := range runs {
		dir := historyDir + "/" + run + "/"
		if !cfg.DryRun {
			if err := st.removeTree(ctx, dir); err != nil {
				return sum, fmt.Errorf("prune the history of run %s: %w", run, err)
			}
		}
		sum.History = append(sum.History, PrunedRun{RunID: run, Location: st.location(dir), Files: files[run]})
	}

	if !onDisk {
		if len(ms) > 0 {
			sum.Uncommitted, err = removeUncommitted(ctx, st, ms, ms[len(ms)-1].RunID, cfg.DryRun)
		}
		return sum, err
	}
	// keep holds the latest committed run (Keep is 1 or more), whose
	// snapshot a commit that failed before its swap left for the next run
	// to make live.
	sum.Snapshots, err = d.removeSnapshots(keep, cfg.DryRun)
	if err != nil {
		return sum, fmt.Errorf("prune: %w", err)
	}
	return sum, nil
}

// pinnedSnapshots returns the runs whose snapshot a symlink directly in the
// root points to (_current, or a link a user made to keep one).
func (s *diskStore) pinnedSnapshots() (map[string]bool, error) {
	pinned := map[string]bool{}
	root, err := filepath.Abs(s.root)
	if err != nil {
		return nil, err
	}
	ents, err := os.ReadDir(root)
	if err != nil {
		return nil, err
	}
	snaps := filepath.Join(root, snapshotsDir)
	for _, e := range ents {
		if e.Type()&fs.ModeSymlink == 0 {
			continue
		}
		t, err := os.Readlink(filepath.Join(root, e.Name()))
		if err != nil {
			continue
		}
		if !filepath.IsAbs(t) {
			t = filepath.Join(root, t)
		}
		rel, err := filepath.Rel(snaps, t)
		if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
			continue
		}
		run, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
		pinned[run] = true
	}
	return pinned, nil
}
