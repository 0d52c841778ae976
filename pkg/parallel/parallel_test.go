package parallel

import (
	"slices"
	"sync/atomic"
	"testing"
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
