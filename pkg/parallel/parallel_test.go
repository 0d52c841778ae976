package parallel

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestEach(t *testing.T) {
	tests := []struct {
		name string
		n    int
	}{
		{"none", 0},
		{"one", 1},
		{"more than the cores", 1000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seen := make([]int32, tt.n)
			var workers atomic.Int32
			Each(tt.n, func(int) func(int) {
				workers.Add(1)
				return func(i int) { atomic.AddInt32(&seen[i], 1) }
			})
			for i, c := range seen {
				if c != 1 {
					t.Fatalf("item %d handled %d times", i, c)
				}
			}
			if tt.n > 0 && (workers.Load() < 1 || int(workers.Load()) > tt.n) {
				t.Errorf("%d workers for %d items", workers.Load(), tt.n)
			}
		})
	}
}

// TestStartKeepsStatePerWorker: a worker's own state needs no lock, and
// every item sent is handled before Wait returns.
func TestStartKeepsStatePerWorker(t *testing.T) {
	const workers, items = 4, 10000
	results := make([][]int, workers)
	p := Start(workers, 16, func(w int) func(int) {
		return func(i int) { results[w] = append(results[w], i) }
	})
	for i := range items {
		p.Send(i)
	}
	p.Wait()
	var all []int
	for _, r := range results {
		all = append(all, r...)
	}
	slices.Sort(all)
	if len(all) != items || all[0] != 0 || all[items-1] != items-1 {
		t.Fatalf("handled %d items", len(all))
	}
	for i := range all {
		if all[i] != i {
			t.Fatalf("item %d handled as %d", i, all[i])
		}
	}
}

// TestEachHandsOutInOrder: a worker may wait for the items before its
// own (the HTML report writes its sections in order so), which only
// finishes if every earlier item is already taken by a working worker.
func TestEachHandsOutInOrder(t *testing.T) {
	const items = 2000
	var mu sync.Mutex
	turn := sync.NewCond(&mu)
	next := 0
	var order []int
	done := make(chan struct{})
	go func() {
		defer close(done)
		Each(items, func(int) func(int) {
			return func(i int) {
				// Long enough that every worker takes items.
				spun.Add(int64(spin(20000)))
				mu.Lock()
				defer mu.Unlock()
				for next != i {
					turn.Wait()
				}
				order = append(order, i)
				next++
				turn.Broadcast()
			}
		})
	}()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("the workers wait for each other: an item was taken before one below it")
	}
	if len(order) != items || !slices.IsSorted(order) {
		t.Fatalf("handled %d items, in order: %v", len(order), slices.IsSorted(order))
	}
}

// spin is work of a few microseconds that the compiler cannot drop.
func spin(n int) int {
	s := 0
	for i := range n {
		s += i * i
	}
	return s
}

var spun atomic.Int64

// BenchmarkEach is 10,000 items of about 20 µs each, a site's pages, by
// Each and by what Each was before: a channel the caller fills, one item
// at a time (go test ./pkg/parallel -bench Each).
func BenchmarkEach(b *testing.B) {
	const items, work = 10000, 60000
	b.Run("counter", func(b *testing.B) {
		for b.Loop() {
			Each(items, func(int) func(int) { return func(int) { spun.Add(int64(spin(work))) } })
		}
	})
	b.Run("hand-off", func(b *testing.B) {
		for b.Loop() {
			p := Start(min(runtime.GOMAXPROCS(0), items), 0, func(int) func(int) { return func(int) { spun.Add(int64(spin(work))) } })
			for i := range items {
				p.Send(i)
			}
			p.Wait()
		}
	})
}
