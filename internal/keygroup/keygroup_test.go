package keygroup

import (
	"fmt"
	"testing"

	"pgregory.net/rapid"
)

type keyed struct {
	key Key
	ok  bool
}

// check runs group over items and compares it with a Go map: items share a group exactly when their
// keys are equal, groups are numbered 0..groups-1, every item left in is reported once.
func check(t interface{ Fatalf(string, ...any) }, hash func(Key) uint64, items []keyed) {
	// Without a size, and with a size right, too small and too large.
	runs := []func(func(int, int)) int{
		func(out func(int, int)) int { return group(hash, seq(items), out) },
		func(out func(int, int)) int { return groupHinted(hash, len(items), seq(items), out) },
		func(out func(int, int)) int { return groupHinted(hash, 1, seq(items), out) },
		func(out func(int, int)) int { return groupHinted(hash, 7*len(items)+3, seq(items), out) },
	}
	for _, run := range runs {
		checkRun(t, run, hash, items)
	}
}

func checkRun(t interface{ Fatalf(string, ...any) }, run func(func(int, int)) int, hash func(Key) uint64, items []keyed) {
	want := map[Key]int{}
	for _, it := range items {
		if it.ok {
			want[it.key]++
		}
	}
	gOf := make([]int, len(items))
	for i := range gOf {
		gOf[i] = -1
	}
	calls := 0
	groups := run(func(g int, i int) {
		calls++
		if gOf[i] != -1 {
			t.Fatalf("item %d reported twice", i)
		}
		gOf[i] = g
	})
	if groups != len(want) {
		t.Fatalf("groups = %d, want %d distinct keys", groups, len(want))
	}
	byGroup := map[int]Key{}
	size := map[int]int{}
	for i, it := range items {
		g := gOf[i]
		if !it.ok {
			if g != -1 {
				t.Fatalf("item %d left out but reported", i)
			}
			continue
		}
		if g < 0 || g >= groups {
			t.Fatalf("item %d: group %d outside 0..%d", i, g, groups-1)
		}
		if k, seen := byGroup[g]; seen && k != it.key {
			t.Fatalf("group %d holds %v and %v", g, k, it.key)
		}
		byGroup[g] = it.key
		size[g]++
	}
	for g, k := range byGroup {
		if size[g] != want[k] {
			t.Fatalf("group of %v has %d items, want %d", k, size[g], want[k])
		}
	}
	sh := shared(hash, len(items), func(i int) (string, bool) { return items[i].key.ID, items[i].ok })
	plain := map[string]int{}
	for _, it := range items {
		if it.ok {
			plain[it.key.ID]++
		}
	}
	for i, it := range items {
		if w := it.ok && plain[it.key.ID] > 1; sh[i] != w {
			t.Fatalf("shared: item %d: %v, want %v", i, sh[i], w)
		}
	}
}

func genItems(maxN int) *rapid.Generator[[]keyed] {
	return rapid.Custom(func(t *rapid.T) []keyed {
		// A small alphabet and short keys make equal keys common; tags split equal strings.
		n := rapid.IntRange(0, maxN).Draw(t, "n")
		items := make([]keyed, n)
		for i := range items {
			items[i] = keyed{
				key: Key{Tag: uint32(rapid.IntRange(0, 2).Draw(t, "tag")), ID: rapid.StringMatching(`[ab]{0,4}`).Draw(t, "id")},
				ok:  rapid.IntRange(0, 9).Draw(t, "ok") > 0,
			}
		}
		return items
	})
}

func TestGroupProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		check(t, func(k Key) uint64 { return hashFixed(k) }, genItems(200).Draw(t, "items"))
	})
}

// Every key hashing alike (a collision everywhere) must still give one group per distinct key.
func TestGroupCollisions(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		check(t, func(k Key) uint64 { return 42 }, genItems(100).Draw(t, "items"))
	})
}

// Many partitions: 50,000 items of 20,000 keys, some hashing to the same high bits.
func TestGroupLarge(t *testing.T) {
	items := make([]keyed, 50_000)
	for i := range items {
		items[i] = keyed{key: Key{Tag: uint32(i % 3), ID: fmt.Sprintf("ep-%d", (i*7919)%20_000)}, ok: i%17 != 0}
	}
	check(t, hashFixed, items)
	// The real hash.
	groups := Group(seq(items), func(int, int) {})
	want := map[Key]bool{}
	for _, it := range items {
		if it.ok {
			want[it.key] = true
		}
	}
	if groups != len(want) {
		t.Fatalf("groups = %d, want %d", groups, len(want))
	}
}

// hashFixed is FNV-1a over the tag and the key: deterministic, so failures replay.
func hashFixed(k Key) uint64 {
	h := uint64(14695981039346656037)
	for _, b := range []byte(fmt.Sprint(k.Tag) + "/" + k.ID) {
		h ^= uint64(b)
		h *= 1099511628211
	}
	return h
}

// seq yields the items left in, with their index.
func seq(items []keyed) func(yield func(Item[int]) bool) {
	return func(yield func(Item[int]) bool) {
		for i, it := range items {
			if it.ok && !yield(Item[int]{it.key, i}) {
				return
			}
		}
	}
}
