package cli

import (
	"slices"
	"testing"
)

func TestNextLimit(t *testing.T) {
	tests := []struct {
		name        string
		limit, live int64
		raiseAt     int64
		want        int64
		raise       bool
	}{
		{"small live heap: the limit stands", 125 << 20, 20 << 20, lintRaiseAt, 125 << 20, false},
		{"half the limit: stands", 125 << 20, 125 << 19, lintRaiseAt, 125 << 20, false},
		{"three quarters: stands", 128 << 20, 96 << 20, lintRaiseAt, 128 << 20, false},
		{"above three quarters: twice the live heap", 125 << 20, 100 << 20, lintRaiseAt, 200 << 20, true},
		{"above the limit: twice the live heap", 125 << 20, 300 << 20, lintRaiseAt, 600 << 20, true},
		{"a report: half the floor stands", 256 << 20, 128 << 20, reportRaiseAt, 256 << 20, false},
		{"a report: above half, twice the live heap", 256 << 20, 160 << 20, reportRaiseAt, 320 << 20, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, raise := nextLimit(tt.limit, tt.live, tt.raiseAt)
			if got != tt.want || raise != tt.raise {
				t.Errorf("nextLimit(%d, %d, %d) = %d, %v; want %d, %v", tt.limit, tt.live, tt.raiseAt, got, raise, tt.want, tt.raise)
			}
		})
	}
}

// TestSoftLimitFollowsTheLiveHeap: lint's limit stands until the live heap
// passes three quarters of it, then becomes twice the live heap; a
// report's is raised whenever the live heap passes half.
func TestSoftLimitFollowsTheLiveHeap(t *testing.T) {
	const mib = 1 << 20
	for _, tc := range []struct {
		name    string
		start   int64
		raiseAt int64
		lives   []int64 // live heaps after successive collections, MiB
		want    []int64 // the limits set, MiB
	}{
		{"lint under its budget", 125, lintRaiseAt, []int64{20, 60, 90}, []int64{125}},
		{"lint past its budget: at three quarters again", 125, lintRaiseAt, []int64{100, 110, 150, 160}, []int64{125, 200, 320}},
		{"a report from half", 256, reportRaiseAt, []int64{100, 140, 150}, []int64{256, 280, 300}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var set []int64
			c := Collector{SetMemoryLimit: func(limit int64) int64 { set = append(set, limit/mib); return 0 }}
			g := &globalOptions{streams: IOStreams{Collector: c}}
			l := g.followLiveHeap(tc.start*mib, tc.raiseAt)
			for _, live := range tc.lives {
				l.follow(live * mib)
			}
			if !slices.Equal(set, tc.want) {
				t.Errorf("limits set %v MiB, want %v", set, tc.want)
			}
		})
	}
}
