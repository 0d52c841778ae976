package cli

import (
	"slices"
	"testing"
)

func TestNextLimit(t *testing.T) {
	lint, report := limitPolicy{lintRaiseAt, lintGrowTo}, limitPolicy{reportRaiseAt, reportGrowTo}
	tests := []struct {
		name        string
		limit, live int64
		policy      limitPolicy
		want        int64
		raise       bool
	}{
		{"small live heap: the limit stands", 125 << 20, 20 << 20, lint, 125 << 20, false},
		{"half the limit: stands", 125 << 20, 125 << 19, lint, 125 << 20, false},
		{"three quarters: stands", 128 << 20, 96 << 20, lint, 128 << 20, false},
		{"above three quarters: five quarters of the live heap", 125 << 20, 104 << 20, lint, (104 << 20) * 1250 / 1000, true},
		{"raised, and as live again: stands", (100 << 20) * 1250 / 1000, 100 << 20, lint, (100 << 20) * 1250 / 1000, false},
		{"above the limit: five quarters of the live heap", 125 << 20, 300 << 20, lint, (300 << 20) * 1250 / 1000, true},
		{"a report: half the floor stands", 256 << 20, 128 << 20, report, 256 << 20, false},
		{"a report: above half, twice the live heap", 256 << 20, 160 << 20, report, 320 << 20, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, raise := nextLimit(tt.limit, tt.live, tt.policy)
			if got != tt.want || raise != tt.raise {
				t.Errorf("nextLimit(%d, %d, %v) = %d, %v; want %d, %v", tt.limit, tt.live, tt.policy, got, raise, tt.want, tt.raise)
			}
		})
	}
}

// TestSoftLimitFollowsTheLiveHeap: lint's limit stands until the live heap
// passes three quarters of it, then stays at five quarters of the live
// heap as that grows; a report's becomes twice the live heap whenever that
// passes half.
func TestSoftLimitFollowsTheLiveHeap(t *testing.T) {
	const mib = 1 << 20
	lint, report := limitPolicy{lintRaiseAt, lintGrowTo}, limitPolicy{reportRaiseAt, reportGrowTo}
	for _, tc := range []struct {
		name   string
		start  int64
		policy limitPolicy
		lives  []int64 // live heaps after successive collections, MiB
		busy   []bool  // whether the collector had passed busyShare then; none if nil
		want   []int64 // the limits set, MiB
	}{
		{"lint under its budget", 125, lint, []int64{20, 60, 90}, nil, []int64{125}},
		{"lint past its budget: at four fifths again", 125, lint, []int64{100, 100, 99, 150, 160}, nil, []int64{125, 188, 200}},
		{"lint with the collector busy: twice the live heap", 125, lint, []int64{100, 110, 170}, []bool{false, true, true}, []int64{125, 220, 340}},
		{"a report from half", 256, report, []int64{100, 140, 150}, nil, []int64{256, 280, 300}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var set []int64
			c := Collector{SetMemoryLimit: func(limit int64) int64 { set = append(set, (limit+mib/2)/mib); return 0 }}
			g := &globalOptions{streams: IOStreams{Collector: c}}
			l := g.followLiveHeap(tc.start*mib, tc.policy)
			for i, live := range tc.lives {
				l.follow(live*mib, tc.busy != nil && tc.busy[i])
			}
			if !slices.Equal(set, tc.want) {
				t.Errorf("limits set %v MiB, want %v", set, tc.want)
			}
		})
	}
}
