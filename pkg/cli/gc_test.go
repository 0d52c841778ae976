package cli

import "testing"

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
