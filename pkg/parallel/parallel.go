// Package parallel runs work on a fixed number of goroutines: the one
// worker pool the loader, the lint runner, the quote check and the report
// share.
package parallel

import (
	"runtime"

	"golang.org/x/sync/errgroup"
)

// Pool hands the items sent to it to its workers.
type Pool[T any] struct {
	items chan T
	group errgroup.Group
}

// Start starts workers goroutines (at least one); worker w handles its
// items with the function newWorker(w) returns, so it may keep state (a
// parser, its own results) across them without locks. buffer is how many
// items may wait.
func Start[T any](workers, buffer int, newWorker func(w int) func(T)) *Pool[T] {
	p := &Pool[T]{items: make(chan T, buffer)}
	for w := range max(workers, 1) {
		p.group.Go(func() error {
			work := newWorker(w)
			for item := range p.items {
				work(item)
			}
			return nil
		})
	}
	return p
}

// Send hands item to a worker, waiting while all are busy and the buffer
// is full.
func (p *Pool[T]) Send(item T) { p.items <- item }

// Wait says no item follows and returns when every item sent is handled.
func (p *Pool[T]) Wait() {
	close(p.items)
	p.group.Wait()
}

// Each calls work(i) for every i below n, on as many goroutines as there
// are cores (never more than n); worker w gets its work function from
// newWorker(w). Workers take the i in increasing order, one at a time: a
// worker may wait for the ones before its i (the HTML report writes its
// sections so), since those are all taken by workers already.
func Each(n int, newWorker func(w int) func(i int)) {
	p := Start(min(runtime.GOMAXPROCS(0), n), 0, newWorker)
	for i := range n {
		p.Send(i)
	}
	p.Wait()
}
