package sources

import (
	"container/heap"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
)

// A sharded run splits its input files between shards, processes each shard
// in its own process (a pod of a Kubernetes Indexed Job) and commits once
// every shard is complete (see lake.Commit). Every shard lists the same inputs
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
	h := make(shardHeap, max(shards, 1))
	for i := range h {
		h[i].index = i
	}
	out := make([]int, len(files))
	for _, i := range order {
		out[i] = h[0].index
		h[0].bytes += files[i].Size
		h[0].files++
		heap.Fix(&h, 0)
	}
	return out
}

// shardLoad is what a shard has been given so far.
type shardLoad struct {
	bytes int64
	files int
	index int
}

// shardHeap keeps the lightest shard first: fewest bytes, then fewest
// files, then lowest index.
type shardHeap []shardLoad

func (h shardHeap) Len() int { return len(h) }
func (h shardHeap) Less(i, j int) bool {
	a, b := h[i], h[j]
	if a.bytes != b.bytes {
		return a.bytes < b.bytes
	}
	if a.files != b.files {
		return a.files < b.files
	}
	return a.index < b.index
}
func (h shardHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *shardHeap) Push(x any)   { *h = append(*h, x.(shardLoad)) }
func (h *shardHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// ShardFiles returns the files of one shard, in input order.
func ShardFiles(files []InputFile, shards, shard int) []InputFile {
	var out []InputFile
	for i, s := range AssignShards(files, shards) {
		if s == shard {
			out = append(out, files[i])
		}
	}
	return out
}

// InputsDigest identifies a list of input files by names and sizes, so
// commit can check that every shard was assigned from the same list. Inputs
// that could not be listed count, but not their error messages, which may
// name a request.
func InputsDigest(files []InputFile, missing []error) string {
	h := sha256.New()
	for _, f := range files {
		fmt.Fprintf(h, "%s\t%d\n", f.Name, f.Size)
	}
	fmt.Fprintf(h, "missing\t%d\n", len(missing))
	return hex.EncodeToString(h.Sum(nil))
}
