// Package keygroup groups items by a string key in time proportional to their number, whatever
// their order and however many there are.
//
// A Go map keyed by string is fast while it fits in the processor's caches; past that, in an input
// in no particular order, every lookup waits on memory two or three times (the map's slot, the key it
// holds, the value it finds), and the cost per item grows with the input. Group first partitions the
// items by the high bits of their key's hash into pieces of a few thousand, copying each key's bytes
// and the caller's value next to each other, then groups each piece with a small open-addressing table
// that stays in cache. Keys are compared byte for byte, so a hash collision never merges two keys.
package keygroup

import (
	"hash/maphash"
	"iter"
	"math/bits"
	"slices"
)

// Key is a string key with a small tag: two keys are equal when both their tags and their strings
// are. The tag lets one pass group by (kind, id) without building a string.
type Key struct {
	Tag uint32
	ID  string
}

// target is the number of items a partition holds on average: its table, keys and values (about
// half a megabyte for the cohort summary's) fit in a core's second-level cache, and the partitions
// are few enough (128 for a million items) that writing to all of them at once stays cheap.
const target = 8192

// item is one item scattered into its partition.
// Its key's bytes are arena[off:end], where end is the next item's off, or the end of the
// partition's bytes for the last item: items and their keys lie in the same order.
type item[T any] struct {
	h   uint64
	off int
	tag uint32
	v   T
}

// Item is one item to group: its key and the value passed on to the caller.
type Item[T any] struct {
	Key   Key
	Value T
}

// Group ranges over items once, then calls out(g, v) once for each item's value, where g numbers
// the distinct keys 0, 1, 2, … Items of the same key get the same g. Groups are numbered, and out is
// called, partition by partition, so that a caller keeping per-group data in a slice indexed by g
// touches it in mostly increasing order; within that, neither the numbering nor the order of calls is
// specified (it depends on a random hash seed), so a caller's result must not depend on them. Group
// returns the number of groups.
//
// Besides a few small tables, it holds two copies of each item (with a hash and an offset, 16
// bytes more than the value) and of its key's bytes while it works.
func Group[T any](items iter.Seq[Item[T]], out func(g int, v T)) int {
	seed := maphash.MakeSeed()
	return group(func(k Key) uint64 { return hash(seed, k) }, items, out)
}

// GroupN is [Group] for items known to number about n: it chooses the partitions before the items
// come and puts each straight into its own, in one pass holding one copy of each item. A wrong n
// costs time, never the result.
func GroupN[T any](n int, items iter.Seq[Item[T]], out func(g int, v T)) int {
	seed := maphash.MakeSeed()
	return groupHinted(func(k Key) uint64 { return hash(seed, k) }, n, items, out)
}

// group is Group with the hash function given, so that tests can make every key collide.
func group[T any](hash func(Key) uint64, items iter.Seq[Item[T]], out func(g int, v T)) int {
	// First pass, over the items once: each item with its hash, and its key's bytes, in chunks so
	// that nothing is copied as they grow, and with no pointer for the garbage collector to follow.
	var pre chunks[item[T]]
	var staging bytesChunks
	for it := range items {
		pre.add(item[T]{h: hash(it.Key), off: staging.n, tag: it.Key.Tag, v: it.Value})
		staging.addString(it.Key.ID)
	}
	if pre.n == 0 {
		return 0
	}
	// 2^pbits partitions of about target items each, chosen by the hash's high bits.
	pbits := 0
	if pre.n > target {
		pbits = bits.Len(uint(pre.n-1) / target)
	}
	shift := uint(64 - pbits)
	nparts := 1 << pbits
	next := make([]int, nparts+1)  // first item of each partition, then the next free one
	anext := make([]int, nparts+1) // first byte of each partition's keys, then the next free one
	for j := range pre.n {
		it := pre.at(j)
		p := int(it.h >> shift) // 0 when pbits is 0: a shift by 64 gives 0
		next[p+1]++
		anext[p+1] += keyEnd(&pre, &staging, j) - it.off
	}
	for p := range nparts {
		next[p+1] += next[p]
		anext[p+1] += anext[p]
	}
	start := append([]int(nil), next...)
	// Second pass: each item, with its key's bytes, into its partition.
	all := make([]item[T], pre.n)
	arena := make([]byte, staging.n)
	for j := range pre.n {
		it := pre.at(j)
		p := int(it.h >> shift)
		off := anext[p]
		anext[p] += staging.copyTo(arena[off:], it.off, keyEnd(&pre, &staging, j))
		it.off = off
		all[next[p]] = it
		next[p]++
	}
	pre, staging = chunks[item[T]]{}, bytesChunks{}

	var st partState
	for p := range nparts {
		groupPart(&st, all[start[p]:next[p]], arena, anext[p], out)
	}
	return st.groups
}

// groupHinted is group for about n items: the partitions are chosen before the items come, and each
// item goes straight to its partition, with its key's bytes, in one pass.
func groupHinted[T any](hash func(Key) uint64, n int, items iter.Seq[Item[T]], out func(g int, v T)) int {
	pbits := 0
	if n > target {
		pbits = bits.Len(uint(n-1) / target)
	}
	shift := uint(64 - pbits)
	nparts := 1 << pbits
	per := n/nparts + n/nparts/4 + 16 // room for a partition a quarter fuller than the mean
	parts := make([][]item[T], nparts)
	keys := make([][]byte, nparts)
	for it := range items {
		h := hash(it.Key)
		p := int(h >> shift) // 0 when pbits is 0: a shift by 64 gives 0
		if parts[p] == nil {
			parts[p] = make([]item[T], 0, per)
			keys[p] = make([]byte, 0, per*(len(it.Key.ID)+1))
		}
		parts[p] = append(parts[p], item[T]{h: h, off: len(keys[p]), tag: it.Key.Tag, v: it.Value})
		keys[p] = append(keys[p], it.Key.ID...)
	}
	var st partState
	for p := range nparts {
		groupPart(&st, parts[p], keys[p], len(keys[p]), out)
		parts[p], keys[p] = nil, nil
	}
	return st.groups
}

// partState is what grouping one partition after another keeps: the table, reused, and the
// number of groups so far.
type partState struct {
	table  []int32
	first  []int32 // the first item of each local group
	group  []int   // the global number of each local group
	groups int
}

// groupPart groups the items of one partition with a table of item indices (−1 empty), linear
// probing on the low bits of the hash. Item i's key is keys[part[i].off:end], end being the next
// item's off, or partEnd for the last.
func groupPart[T any](st *partState, part []item[T], keys []byte, partEnd int, out func(g int, v T)) {
	keyOf := func(i int) []byte {
		end := partEnd
		if i+1 < len(part) {
			end = part[i+1].off
		}
		return keys[part[i].off:end]
	}
	size := 1 << bits.Len(uint(2*len(part)))
	if cap(st.table) < size {
		st.table = make([]int32, size)
	}
	table := st.table[:size]
	for i := range table {
		table[i] = -1
	}
	mask := uint64(size - 1)
	st.first, st.group = st.first[:0], st.group[:0]
	for i := range part {
		it := &part[i]
		key := keyOf(i)
		slot := it.h & mask
		for {
			lg := table[slot]
			if lg < 0 {
				table[slot] = int32(len(st.first))
				st.first = append(st.first, int32(i))
				st.group = append(st.group, st.groups)
				out(st.groups, it.v)
				st.groups++
				break
			}
			fi := int(st.first[lg])
			if f := &part[fi]; f.h == it.h && f.tag == it.tag && string(keyOf(fi)) == string(key) {
				out(st.group[lg], it.v)
				break
			}
			slot = (slot + 1) & mask
		}
	}
}

// keyEnd returns the end in staging of the key of pre's item j.
func keyEnd[T any](pre *chunks[item[T]], staging *bytesChunks, j int) int {
	if j+1 < pre.n {
		return pre.at(j + 1).off
	}
	return staging.n
}

// chunks is a list that grows by chunks, never copying what it holds: a first small chunk, then
// chunks of chunkSize.
type chunks[T any] struct {
	c [][]T
	n int
}

const firstChunk, chunkSize = 256, 1 << 14

func (c *chunks[T]) add(v T) {
	switch {
	case c.n == 0:
		c.c = append(c.c, make([]T, 0, firstChunk))
	case c.n >= firstChunk && (c.n-firstChunk)%chunkSize == 0:
		c.c = append(c.c, make([]T, 0, chunkSize))
	}
	last := &c.c[len(c.c)-1]
	*last = append(*last, v)
	c.n++
}

func (c *chunks[T]) at(i int) T {
	ci, k := chunkOf(i)
	return c.c[ci][k]
}

// bytesChunks is a list of bytes that grows by chunks like chunks.
type bytesChunks struct{ chunks[byte] }

// addString appends the bytes of s.
func (b *bytesChunks) addString(s string) {
	for len(s) > 0 {
		if b.n == 0 || (b.n >= firstChunk && (b.n-firstChunk)%chunkSize == 0) {
			b.add(s[0]) // starts the next chunk
			s = s[1:]
			continue
		}
		last := &b.c[len(b.c)-1]
		k := min(len(s), cap(*last)-len(*last))
		*last = append(*last, s[:k]...)
		b.n += k
		s = s[k:]
	}
}

// copyTo copies the bytes from lo to hi to dst and returns how many.
func (b *bytesChunks) copyTo(dst []byte, lo, hi int) int {
	n := 0
	for lo < hi {
		ci, k := chunkOf(lo)
		ch := b.c[ci]
		m := copy(dst[n:], ch[k:min(len(ch), k+hi-lo)])
		n += m
		lo += m
	}
	return n
}

// chunkOf returns the chunk and the index in it of element i.
func chunkOf(i int) (int, int) {
	if i < firstChunk {
		return 0, i
	}
	i -= firstChunk
	return 1 + i/chunkSize, i % chunkSize
}

// hash mixes the tag into the key's hash.
func hash(seed maphash.Seed, k Key) uint64 {
	h := maphash.String(seed, k.ID)
	if k.Tag != 0 {
		h ^= (uint64(k.Tag) + 1) * 0x9e3779b97f4a7c15
		h ^= h >> 29
		h *= 0xbf58476d1ce4e5b9
		h ^= h >> 32
	}
	return h
}

// Shared reports, for each of the n items, whether another item has the same key. key(i) gives
// item i's key and whether to consider it (an item left out shares nothing). It sorts the keys'
// hashes and compares the keys of equal hashes byte for byte, allocating 9 bytes per item: cheaper
// than a map when, as usual, few keys are shared.
func Shared(n int, key func(i int) (string, bool)) []bool {
	seed := maphash.MakeSeed()
	return shared(func(k Key) uint64 { return hash(seed, k) }, n, key)
}

func shared(hash func(Key) uint64, n int, key func(i int) (string, bool)) []bool {
	// Each item is one word: the high bits of its key's hash, then its index in the low ib bits,
	// so that a plain sort of words brings equal hashes together.
	ib := uint(bits.Len(uint(n)))
	words := make([]uint64, 0, n)
	for i := range n {
		if k, ok := key(i); ok {
			words = append(words, hash(Key{ID: k})>>ib<<ib|uint64(i))
		}
	}
	slices.Sort(words)
	low := uint64(1)<<ib - 1
	out := make([]bool, n)
	for lo := 0; lo < len(words); {
		end := lo + 1
		for end < len(words) && words[end]>>ib == words[lo]>>ib {
			end++
		}
		// Within a run of equal hashes (almost always one key), compare the keys themselves.
		for a := lo; a < end; a++ {
			ia := int(words[a] & low)
			ka, _ := key(ia)
			for b := a + 1; b < end; b++ {
				jb := int(words[b] & low)
				if kb, _ := key(jb); ka == kb {
					out[ia], out[jb] = true, true
				}
			}
		}
		lo = end
	}
	return out
}
