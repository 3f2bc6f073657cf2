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
}

// weightSize is the size of one (class, weight) pair in a record.
const weightSize = 9

// newWeightTable returns an empty table sized for n features.
func newWeightTable(n int) *weightTable {
	size := 1 << bits.Len(uint(2*n)) // load factor at most 1/2
	return &weightTable{seed: maphash.MakeSeed(), mask: uint64(size - 1), slots: make([]uint64, size)}
}

// add adds a feature that is not in the table yet with its weights.
func (t *weightTable) add(key string, ws []classWeight) error {
	if len(key) > math.MaxUint16 || len(ws) > math.MaxUint8 {
		return fmt.Errorf("feature %q: %d bytes, %d weights: too large", key, len(key), len(ws))
	}
	off := len(t.recs)
	if off >= math.MaxUint32 {
		return fmt.Errorf("feature %q: more than 4 GB of weights", key)
	}
	t.recs = binary.LittleEndian.AppendUint16(t.recs, uint16(len(key)))
	t.recs = append(t.recs, key...)
	t.recs = append(t.recs, uint8(len(ws)))
	for _, cw := range ws {
		if cw.class < 0 || cw.class > math.MaxUint8 {
			return fmt.Errorf("feature %q: class %d out of range", key, cw.class)
		}
		t.recs = append(t.recs, uint8(cw.class))
		t.recs = binary.LittleEndian.AppendUint64(t.recs, math.Float64bits(cw.weight))
	}
	h := maphash.String(t.seed, key)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		if t.slots[i] == 0 {
			t.slots[i] = h&^math.MaxUint32 | uint64(off+1)
			return nil
		}
	}
}

// weights returns the weights of feature key, in the record format after the
// count byte, or nil if the table does not have it.
func (t *weightTable) weights(key []byte) []byte {
	h := maphash.Bytes(t.seed, key)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return nil
		}
		if s&^math.MaxUint32 != h&^math.MaxUint32 {
			continue
		}
		r := t.recs[s&math.MaxUint32-1:]
		n := int(binary.LittleEndian.Uint16(r))
		if n == len(key) && bytes.Equal(r[2:2+n], key) {
			r = r[2+n:]
			return r[1 : 1+int(r[0])*weightSize]
		}
	}
}

// addTo adds the weights of feature key to scores and marks their classes
// in touched.
func (t *weightTable) addTo(key []byte, scores []float64, touched []bool) {
	ws := t.weights(key)
	for len(ws) >= weightSize {
		c := ws[0]
		scores[c] += math.Float64frombits(binary.LittleEndian.Uint64(ws[1:weightSize]))
		touched[c] = true
		ws = ws[weightSize:]
	}
}
