package reporthtml

import (
	"fmt"
	"testing"
)

func TestAnchorSet(t *testing.T) {
	a := anchorSet{}
	got := []string{a.unique("icp-x"), a.unique("icp-x-3"), a.unique("icp x"), a.unique("icp-x"), a.unique("icp-x"), a.unique("icp-x-h"), a.unique("icp-y")}
	want := []string{"icp-x", "icp-x-3", "icp-x-2", "icp-x-4", "icp-x-5", "icp-x-h-2", "icp-y"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
	// One id repeated 20,000 times gets 20,000 ids, each found without a
	// scan past the ones before it (#28: the site took 75 s for this).
	b := anchorSet{}
	seen := map[string]bool{}
	for i := range 20_000 {
		id := b.unique("persona-fiona")
		if seen[id] {
			t.Fatalf("%s handed out twice", id)
		}
		seen[id] = true
		if want := fmt.Sprintf("persona-fiona-%d", i+1); i > 0 && id != want {
			t.Fatalf("the %d-th id is %s, want %s", i+1, id, want)
		}
	}
}
