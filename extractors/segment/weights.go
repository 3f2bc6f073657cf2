package segment

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"math"
	"math/bits"
)

// weightTable maps a tagging feature to its non-zero class weights. It is an
// open-addressing hash table over one byte slice that holds each feature's
// key beside its weights, so a lookup that finds its feature reads one slot
// and one run of bytes, and one that does not (most word features of unseen
// words) reads one slot. Keys are compared in full on a hash match: a lookup
// returns exactly what a map keyed by the feature string would. A Go map of
// the ~75,000 features of prose's model spent most of the tagger's time in
// cache misses over its control words, key headers, key bytes and weight
// slices, all in different places.
type weightTable struct {
	seed  maphash.Seed
	mask  uint64
	slots []uint64 // high 32 bits: the hash's high bits; low 32: record offset+1, 0 if empty
	recs  []byte   // records: key length (uint16), key, count (uint8), count × (class uint8, weight float64 bits)
	n     int      // features added; at most len(slots)/2
}

// weightSize is the size of one (class, weight) pair in a record.
const weightSize = 9

// newWeightTable returns an empty table sized for n features.
func newWeightTable(n int) *weightTable {
	size := 1 << bits.Len(uint(2*n)) // load factor at most 1/2
	return &weightTable{seed: maphash.MakeSeed(), mask: uint64(size - 1), slots: make([]uint64, size)}
}

// add adds a feature that is not in the table yet with its weights. It
// refuses a feature, leaving the table as it was, when the table already
// holds half as many features as it has slots (the load factor lookups
// assume; a full table would make add probe for ever), or when the feature
// does not fit the record format.
func (t *weightTable) add(key string, ws []classWeight) error {
	if t.n >= len(t.slots)/2 {
		return fmt.Errorf("feature %q: table for %d features is full", key, len(t.slots)/2)
	}
	if len(key) > math.MaxUint16 || len(ws) > math.MaxUint8 {
		return fmt.Errorf("feature %q: %d bytes, %d weights: too large", key, len(key), len(ws))
	}
	for _, cw := range ws {
		if cw.class < 0 || cw.class > math.MaxUint8 {
			return fmt.Errorf("feature %q: class %d out of range", key, cw.class)
		}
	}
	off := len(t.recs)
	if off >= math.MaxUint32 {
		return fmt.Errorf("feature %q: more than 4 GB of weights", key)
	}
	t.recs = binary.LittleEndian.AppendUint16(t.recs, uint16(len(key)))
	t.recs = append(t.recs, key...)
	t.recs = append(t.recs, uint8(len(ws)))
	for _, cw := range ws {
		t.recs = append(t.recs, uint8(cw.class))
		t.recs = binary.LittleEndian.AppendUint64(t.recs, math.Float64bits(cw.weight))
	}
	t.n++
	h := maphash.String(t.seed, key)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		if t.slots[i] == 0 {
			t.slots[i] = h&^math.MaxUint32 | uint64(off+1)
			return nil
		}
	}
}

// featureKeys are the features of one token, built end to end in one buffer.
type featureKeys struct {
	buf  []byte
	ends []int // ends[j] is the end of feature j in buf
}

// reset empties k for the next token.
func (k *featureKeys) reset() {
	k.buf, k.ends = k.buf[:0], k.ends[:0]
}

// add adds the feature made of parts joined by blanks.
func (k *featureKeys) add(parts ...string) {
	for j, p := range parts {
		if j > 0 {
			k.buf = append(k.buf, ' ')
		}
		k.buf = append(k.buf, p...)
	}
	k.ends = append(k.ends, len(k.buf))
}

// key returns feature j.
func (k *featureKeys) key(j int) []byte {
	start := 0
	if j > 0 {
		start = k.ends[j-1]
	}
	return k.buf[start:k.ends[j]]
}

// batch is how many features addTo looks up at once.
const batch = 16

// addTo adds the weights of the features in keys, in their order, to scores
// and marks their classes in touched.
func (t *weightTable) addTo(keys *featureKeys, scores []float64, touched []bool) {
	for j := 0; j < len(keys.ends); j += batch {
		t.addBatch(keys, j, min(j+batch, len(keys.ends)), scores, touched)
	}
}

// addBatch is addTo for features [from, to), at most batch of them. The
// table is larger than the caches and a token's features land in unrelated
// places, so it first loads every feature's slot, then the start of every
// record those point at, and only then compares keys and adds weights: loads
// that miss the cache and do not wait on each other overlap.
func (t *weightTable) addBatch(keys *featureKeys, from, to int, scores []float64, touched []bool) {
	var hs, ss [batch]uint64
	var lens [batch]uint16
	n := to - from
	for j := range n {
		hs[j] = maphash.Bytes(t.seed, keys.key(from+j))
	}
	for j := range n {
		ss[j] = t.slots[hs[j]&t.mask]
	}
	for j := range n {
		lens[j] = t.keyLen(ss[j])
	}
	for j := range n {
		for ws := t.find(keys.key(from+j), hs[j], ss[j], lens[j]); len(ws) >= weightSize; ws = ws[weightSize:] {
			c := ws[0]
			scores[c] += math.Float64frombits(binary.LittleEndian.Uint64(ws[1:weightSize]))
			touched[c] = true
		}
	}
}

// keyLen returns the key length of the record slot s points at, 0 if empty.
func (t *weightTable) keyLen(s uint64) uint16 {
	if s == 0 {
		return 0
	}
	return binary.LittleEndian.Uint16(t.recs[s&math.MaxUint32-1:])
}

// find returns the weights of feature key, in the record format after the
// count byte, or nil if the table does not have it; h is the key's hash, s
// the slot it hashes to and n the key length of the record s points at.
func (t *weightTable) find(key []byte, h, s uint64, n uint16) []byte {
	for i := h & t.mask; s != 0; {
		if s&^math.MaxUint32 == h&^math.MaxUint32 && int(n) == len(key) {
			r := t.recs[s&math.MaxUint32-1+2:]
			if bytes.Equal(r[:n], key) {
				r = r[n:]
				return r[1 : 1+int(r[0])*weightSize]
			}
		}
		i = (i + 1) & t.mask
		s = t.slots[i]
		n = t.keyLen(s)
	}
	return nil
}
