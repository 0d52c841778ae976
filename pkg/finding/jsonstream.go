package finding

import (
	"bufio"
	"bytes"
	"encoding"
	"encoding/json"
	"io"
	"reflect"
	"strings"
)

// WriteJSON writes v as indented JSON, leaving <, > and & as they are: the
// documents are read by tools and people, never embedded in HTML. Every
// JSON output of persona goes through it.
//
// The output is exactly what a json.Encoder with two-space indentation
// writes, but written as it is made: the objects and arrays at the top are
// written field by field and item by item, and only each item is encoded
// whole. An encoder holds the whole document twice (compact, then
// indented) in buffers grown by copying: for the report of a 10,500-file
// workspace, 115 MB, that was most of its time and memory.
func WriteJSON(w io.Writer, v any) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	s := &jsonStream{w: bw}
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
	if err := s.value(reflect.ValueOf(v), ""); err != nil {
		return err
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

type jsonStream struct {
	w   *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder
}

// maxStreamDepth is how deep objects and arrays are written piece by
// piece; below it each value is encoded whole, which is what keeps the
// streaming simple and its output the encoder's.
const maxStreamDepth = 3

func (s *jsonStream) value(v reflect.Value, indent string) error {
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) && !v.IsNil() && !marshals(v.Type()) {
		v = v.Elem()
	}
	if len(indent) < 2*maxStreamDepth && v.IsValid() && !marshals(v.Type()) {
		switch {
		case v.Kind() == reflect.Struct:
			if fields, ok := jsonFields(v.Type()); ok {
				return s.object(v, fields, indent)
			}
		case v.Kind() == reflect.Slice && !v.IsNil() && v.Type().Elem().Kind() != reflect.Uint8,
			v.Kind() == reflect.Array && v.Type().Elem().Kind() != reflect.Uint8:
			return s.array(v, indent)
		}
	}
	return s.encode(v, indent)
}

// encode writes v as the encoder writes it at this indentation.
func (s *jsonStream) encode(v reflect.Value, indent string) error {
	s.buf.Reset()
	s.enc.SetIndent(indent, "  ")
	var x any
	switch {
	case !v.IsValid():
	case v.CanAddr():
		x = v.Addr().Interface() // methods on *T apply, as they do in place
	default:
		x = v.Interface()
	}
	if err := s.enc.Encode(x); err != nil {
		return err
	}
	_, err := s.w.Write(bytes.TrimSuffix(s.buf.Bytes(), []byte{'\n'}))
	return err
}

func (s *jsonStream) object(v reflect.Value, fields []jsonField, indent string) error {
	s.w.WriteByte('{')
	written := 0
	for _, f := range fields {
		fv := v.Field(f.index)
		if f.omitEmpty && isEmptyJSON(fv) {
			continue
		}
		if written > 0 {
			s.w.WriteByte(',')
		}
		written++
		s.w.WriteString("\n" + indent + "  \"" + f.name + "\": ")
		if err := s.value(fv, indent+"  "); err != nil {
			return err
		}
	}
	if written > 0 {
		s.w.WriteString("\n" + indent)
	}
	return s.w.WriteByte('}')
}

func (s *jsonStream) array(v reflect.Value, indent string) error {
	if v.Len() == 0 {
		_, err := s.w.WriteString("[]")
		return err
	}
	s.w.WriteByte('[')
	for i := range v.Len() {
		if i > 0 {
			s.w.WriteByte(',')
		}
		s.w.WriteString("\n" + indent + "  ")
		if err := s.value(v.Index(i), indent+"  "); err != nil {
			return err
		}
	}
	s.w.WriteString("\n" + indent)
	return s.w.WriteByte(']')
}

type jsonField struct {
	index     int
	name      string
	omitEmpty bool
}

// jsonFields are the fields the encoder writes of a struct type, in its
// order, when they are plain enough to be sure of: exported, not
// embedded, named by a tag of word characters or not at all, with no
// option but omitempty, and no two of one name. Anything else is left to
// the encoder whole (ok false).
func jsonFields(t reflect.Type) (fields []jsonField, ok bool) {
	seen := map[string]bool{}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			return nil, false
		}
		if !f.IsExported() {
			continue
		}
		tag, tagged := f.Tag.Lookup("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if opts != "" && opts != "omitempty" || tagged && name != "" && !wordy(name) {
			return nil, false
		}
		if name == "" {
			name = f.Name
		}
		if seen[name] {
			return nil, false
		}
		seen[name] = true
		fields = append(fields, jsonField{index: i, name: name, omitEmpty: opts == "omitempty"})
	}
	return fields, true
}

func wordy(name string) bool {
	for _, c := range name {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// isEmptyJSON is what omitempty leaves out, as encoding/json decides it.
func isEmptyJSON(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// marshals reports whether values of t (or pointers to them) encode
// themselves: those are written whole.
func marshals(t reflect.Type) bool {
	for _, m := range [...]reflect.Type{reflect.TypeFor[json.Marshaler](), reflect.TypeFor[encoding.TextMarshaler]()} {
		if t.Implements(m) || t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(m) {
			return true
		}
	}
	return false
}
