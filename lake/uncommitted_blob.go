package lake

import (
	"context"
	"fmt"
	"path"
	"strings"
)

// Runs that never committed, in an object store. A run's part files (and
// the copies its commit rewrites) are objects at their keys from the moment
// their upload completes, and a commit copies the replaced files under
// _history/<run_id>/ before its manifest: a run, shard or commit that fails
// or dies before the manifest leaves objects no manifest lists, which a glob
// over the prefix would read. Readers of an object store go through the
// manifest and never see them, but they are removed all the same: once run
// X is committed, a run whose id sorts before X's and that has no manifest
// can never commit (run ids must sort by time; a commit checks that no
// later run committed just before it creates its manifest), so its objects
// are dead. Each commit removes those of the runs before it (publish.go),
// and Prune those of the runs before the latest commit. A run that sorts
// after the latest commit may still be writing: its objects stay until a
// later run commits.

// uncommittedKeys returns the keys of the dead objects of an object store
// whose committed runs are ms: the part files under the table prefixes and
// the history of runs without a manifest whose id sorts before before. Part
// files that a manifest lists are never dead.
func uncommittedKeys(ctx context.Context, st store, ms []Manifest, before string) ([]string, error) {
	committed, listed := map[string]bool{}, map[string]bool{}
	for _, m := range ms {
		committed[m.RunID] = true
		for _, fs := range [][]FileInfo{m.Files, m.Live, m.Replaced, m.Rewritten, m.Migrated} {
			for _, f := range fs {
				listed[f.Path] = true
			}
		}
	}
	dead := func(run string) bool { return run < before && !committed[run] }
	var keys []string
	for _, t := range Tables {
		objs, err := st.listTree(ctx, t+"/")
		if err != nil {
			return nil, err
		}
		for _, k := range objs {
			if run, _, ok := parsePartName(path.Base(k)); ok && dead(run) && !listed[k] {
				keys = append(keys, k)
			}
		}
	}
	hist, err := st.listTree(ctx, historyDir+"/")
	if err != nil {
		return nil, err
	}
	for _, k := range hist {
		run, _, _ := strings.Cut(strings.TrimPrefix(k, historyDir+"/"), "/")
		if dead(run) {
			keys = append(keys, k)
		}
	}
	return keys, nil
}

// removeUncommitted removes the dead objects of runs before before (see
// uncommittedKeys) from an object store and returns where they were; with
// dryRun it only returns them.
func removeUncommitted(ctx context.Context, st store, ms []Manifest, before string, dryRun bool) ([]string, error) {
	keys, err := uncommittedKeys(ctx, st, ms, before)
	if err != nil {
		return nil, fmt.Errorf("list the objects of uncommitted runs: %w", err)
	}
	var removed []string
	for _, k := range keys {
		if !dryRun {
			if err := st.remove(ctx, k); err != nil {
				return removed, fmt.Errorf("remove %s of an uncommitted run: %w", st.location(k), err)
			}
		}
		removed = append(removed, st.location(k))
	}
	return removed, nil
}

// checkNoLaterCommit fails with ErrRunIDOrder when a run sorting after
// runID committed to the object store since this commit read the committed
// runs (object stores have no locks): committing now would break the rule
// that runs before the latest commit never commit.
func checkNoLaterCommit(ctx context.Context, st store, runID string) error {
	keys, err := st.listDir(ctx, runsDir+"/")
	if err != nil {
		return err
	}
	for _, k := range keys {
		if run, ok := strings.CutSuffix(path.Base(k), ".json"); ok && run > runID {
			return fmt.Errorf("run %s committed while run %s was being published: %w", run, runID, ErrRunIDOrder)
		}
	}
	return nil
}
