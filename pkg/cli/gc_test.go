package cli

import "testing"

func TestNextLimit(t *testing.T) {
	tests := []struct {
		name        string
		limit, live int64
		want        int64
		raise       bool
	}{
		{"small live heap: the limit stands", 125 << 20, 20 << 20, 125 << 20, false},
		{"half the limit: stands", 125 << 20, 125 << 19, 125 << 20, false},
		{"three quarters: stands", 128 << 20, 96 << 20, 128 << 20, false},
		{"above three quarters: twice the live heap", 125 << 20, 100 << 20, 200 << 20, true},
		{"above the limit: twice the live heap", 125 << 20, 300 << 20, 600 << 20, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, raise := nextLimit(tt.limit, tt.live)
			if got != tt.want || raise != tt.raise {
				t.Errorf("nextLimit(%d, %d) = %d, %v; want %d, %v", tt.limit, tt.live, got, raise, tt.want, tt.raise)
			}
		})
	}
}
