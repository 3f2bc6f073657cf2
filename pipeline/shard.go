package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
)

// A sharded run splits its input files between shards, processes each shard
// in its own process (a pod of a Kubernetes Indexed Job) and commits once
// every shard is complete (see Commit). Every shard lists the same inputs
// and computes the same assignment, so a retried shard reads exactly the
// files its earlier attempt read.

// AssignShards returns the shard of each input file. The rule balances
// bytes and depends only on the names and sizes: files are taken from the
// largest to the smallest (ties by name) and each goes to the shard with the
// fewest bytes so far (ties to the one with fewer files, then to the lowest
// index). A shard may get no file when there are fewer files than shards; it
// still commits empty tables.
func AssignShards(files []InputFile, shards int) []int {
	order := make([]int, len(files))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		fa, fb := files[order[a]], files[order[b]]
		if fa.Size != fb.Size {
			return fa.Size > fb.Size
		}
		return fa.Name < fb.Name
	})
	load := make([]int64, max(shards, 1))
	count := make([]int, len(load))
	out := make([]int, len(files))
	for _, i := range order {
		best := 0
		for s := range load {
			if load[s] < load[best] || load[s] == load[best] && count[s] < count[best] {
				best = s
			}
		}
		out[i] = best
		load[best] += files[i].Size
		count[best]++
	}
	return out
}

// shardFiles returns the files of one shard, in input order.
func shardFiles(files []InputFile, shards, shard int) []InputFile {
	var out []InputFile
	for i, s := range AssignShards(files, shards) {
		if s == shard {
			out = append(out, files[i])
		}
	}
	return out
}

// inputsDigest identifies a list of input files by names and sizes, so
// commit can check that every shard was assigned from the same list.
func inputsDigest(files []InputFile, missing []error) string {
	h := sha256.New()
	for _, f := range files {
		fmt.Fprintf(h, "%s\t%d\n", f.Name, f.Size)
	}
	for _, e := range missing {
		fmt.Fprintf(h, "missing\t%s\n", e)
	}
	return hex.EncodeToString(h.Sum(nil))
}
