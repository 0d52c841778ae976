package finding

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
)

type jsonLeaf struct {
	A int               `json:"a"`
	B string            `json:"b,omitempty"`
	C []string          `json:"c"`
	D map[string]int    `json:"d,omitempty"`
	E *float64          `json:"e"`
	F any               `json:"f,omitempty"`
	G []*jsonLeaf       `json:"g,omitempty"`
	H [2]int            `json:"h"`
	I []byte            `json:"i"`
	J time.Time         `json:"j"`
	K textish           `json:"k"`
	L *ptrMarshaler     `json:"l"`
	M ptrMarshaler      `json:"m"`
	N map[string]string `json:"n"`
	O bool              `json:",omitempty"`
	P int               `json:"-"`
	S []jsonLeaf        `json:"s"`
	T string
	u int
}

type textish int

func (t textish) MarshalText() ([]byte, error) { return []byte("t<&>"), nil }

type ptrMarshaler struct{ X int }

func (p *ptrMarshaler) MarshalJSON() ([]byte, error) { return []byte(`{"custom":true}`), nil }

type embeds struct {
	jsonLeaf
	Z int `json:"z"`
}

// twice is a struct with two fields of one JSON name, which the encoder
// leaves out both of; made at run time, since vet refuses it written out.
func twice() any {
	field := func(name, tag string) reflect.StructField {
		return reflect.StructField{Name: name, Type: reflect.TypeFor[int](), Tag: reflect.StructTag(tag)}
	}
	v := reflect.New(reflect.StructOf([]reflect.StructField{field("A", `json:"x"`), field("B", `json:"x"`), field("C", `json:"c"`)})).Elem()
	for i := range 3 {
		v.Field(i).SetInt(int64(i + 1))
	}
	return v.Interface()
}

type badName struct {
	A int `json:"a b"`
	B []int
}

type special struct {
	Q int   `json:"-,"`
	R int   `json:"r,string"`
	Z int   `json:"z,omitzero"`
	S []int `json:"s"`
}

// TestWriteJSONIsTheEncoders holds the streaming writer to what a
// json.Encoder writes, on values of every shape it streams or leaves whole.
func TestWriteJSONIsTheEncoders(t *testing.T) {
	f := 2.5
	leaf := jsonLeaf{A: 1, B: "x<&>\u2028", C: []string{"a", "b"}, D: map[string]int{"z": 1, "a": 2}, E: &f,
		F: []any{1, "two", map[string]any{"k": []int{}}}, H: [2]int{3, 4}, I: []byte("bytes"), J: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
		K: 7, L: &ptrMarshaler{}, N: map[string]string{}, O: true, P: 9, S: []jsonLeaf{{}, {A: 2}}, T: "t", u: 1}
	deep := jsonLeaf{G: []*jsonLeaf{&leaf, nil, {G: []*jsonLeaf{{S: []jsonLeaf{leaf}}}}}}
	tests := []struct {
		name string
		v    any
	}{
		{"zero struct", jsonLeaf{}},
		{"pointer to zero struct", &jsonLeaf{}},
		{"full struct", leaf},
		{"pointer to full struct", &leaf},
		{"nested deeper than streamed", &deep},
		{"slice of structs", []jsonLeaf{leaf, {}, deep}},
		{"empty slice", []jsonLeaf{}},
		{"nil slice", []jsonLeaf(nil)},
		{"nil pointer", (*jsonLeaf)(nil)},
		{"nil", nil},
		{"map", map[string]any{"version": 1, "rules": []jsonLeaf{leaf}}},
		{"scalar", "x<y>"},
		{"embedded fields", embeds{jsonLeaf: leaf, Z: 1}},
		{"two fields of one name", twice()},
		{"a name the encoder refuses", badName{1, []int{1}}},
		{"options other than omitempty", []special{{1, 2, 0, []int{3}}}},
		{"struct with no fields written", struct{ a int }{1}},
		{"slice of slices", [][]int{{1, 2}, {}, nil}},
		{"interface holding a struct", []any{leaf, &leaf, nil}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(tc.v); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := WriteJSON(&got, tc.v); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("WriteJSON:\n%s\nencoder:\n%s", got.String(), want.String())
			}
		})
	}
}

func TestWriteJSONFailsAsTheEncoderDoes(t *testing.T) {
	var got bytes.Buffer
	err := WriteJSON(&got, []jsonLeaf{{F: math.NaN()}})
	if err == nil || !strings.Contains(err.Error(), "unsupported value") {
		t.Fatalf("WriteJSON of NaN: error %v", err)
	}
	if got.Len() != 0 {
		t.Errorf("a small document that fails wrote %q", got.String())
	}
}
