package accounts

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/parquet-go/parquet-go"
)

// readAll opens data as a file named name and returns its rows as
// "number:field=value,..." for the fields given, and its skips.
func readAll(t *testing.T, name string, data []byte, opts Options, fields ...Field) ([]string, []string, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Open(path, opts)
	if err != nil {
		return nil, nil, err
	}
	defer r.Close()
	var rows, skips []string
	for {
		row, err := r.Next()
		if err == io.EOF {
			return rows, skips, nil
		}
		var skip *Skip
		if errors.As(err, &skip) {
			skips = append(skips, fmt.Sprintf("%d %s", skip.Line, skip.Err))
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		var parts []string
		for _, f := range fields {
			parts = append(parts, f.String()+"="+row.First(f))
		}
		rows = append(rows, fmt.Sprintf("%d:%s", row.Number, strings.Join(parts, ",")))
	}
}

func TestCSV(t *testing.T) {
	cases := []struct {
		name  string
		data  string
		rows  []string
		skips []string
	}{
		{"comma", "Company name,Industry,Number of Employees\nAcme,Software,250\n", []string{"1:name=Acme,industry=Software,employees=250"}, nil},
		{"semicolon", "name;industry;employees\nAcme;Soft, ware;1.200\n", []string{"1:name=Acme,industry=Soft, ware,employees=1.200"}, nil},
		{"tab", "name\tindustry\temployees\nAcme\tSoftware\t12\n", []string{"1:name=Acme,industry=Software,employees=12"}, nil},
		{"crlf and a bom", "\ufeffname,industry,employees\r\nAcme,Software,3\r\n", []string{"1:name=Acme,industry=Software,employees=3"}, nil},
		{"quoted cells with breaks and quotes", "name,industry,employees\n\"Acme, \"\"Inc\"\"\",\"Soft\nware\",3\nB,Retail,4\n",
			[]string{`1:name=Acme, "Inc",industry=Soft` + "\n" + `ware,employees=3`, "2:name=B,industry=Retail,employees=4"}, nil},
		{"blank lines are passed over", "name,industry,employees\n\nA,X,1\n\n", []string{"1:name=A,industry=X,employees=1"}, nil},
		{"ragged row skipped, reading goes on", "name,industry,employees\nA,X\nB,Y,2\n", []string{"2:name=B,industry=Y,employees=2"},
			[]string{"2 the row has 2 cells and the header 3; skipped"}},
		{"unclosed quote skips its line only", "name,industry,employees\n\"A,X,1\nB,Y,2\nC,Z,3\n",
			[]string{"2:name=B,industry=Y,employees=2", "3:name=C,industry=Z,employees=3"},
			[]string{"2 a quoted cell is never closed; skipped this line"}},
		{"a number and a band: the number first", "name,Employee range,Number of Employees\nA,51-200,120\nB,11-50,\n",
			[]string{"1:name=A,industry=,employees=120", "2:name=B,industry=,employees=11-50"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows, skips, err := readAll(t, "a.csv", []byte(c.data), Options{}, Name, Industry, Employees)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(rows, "|") != strings.Join(c.rows, "|") || strings.Join(skips, "|") != strings.Join(c.skips, "|") {
				t.Errorf("rows %q skips %q\nwant %q skips %q", rows, skips, c.rows, c.skips)
			}
		})
	}
}

func TestLongLineIsSkipped(t *testing.T) {
	data := "name,industry\nA," + strings.Repeat("x", MaxLine+10) + "\nB,Retail\n"
	rows, skips, err := readAll(t, "a.csv", []byte(data), Options{}, Name, Industry)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0] != "2:name=B,industry=Retail" || len(skips) != 1 || !strings.Contains(skips[0], "over 1 MiB") {
		t.Errorf("rows %q skips %q", rows, skips)
	}
}

func TestUTF16(t *testing.T) {
	text := "name,industry\nAcmé,Software\n"
	var b bytes.Buffer
	b.Write([]byte{0xff, 0xfe})
	for _, u := range utf16.Encode([]rune(text)) {
		b.Write([]byte{byte(u), byte(u >> 8)})
	}
	rows, _, err := readAll(t, "a.csv", b.Bytes(), Options{}, Name, Industry)
	if err != nil || len(rows) != 1 || rows[0] != "1:name=Acmé,industry=Software" {
		t.Errorf("rows %q, %v", rows, err)
	}
}

func TestGzipAndJSONLines(t *testing.T) {
	lines := `{"id": "1", "name": "Acme", "industry": "Software", "employees": 250, "technologies": ["NetSuite", "Slack"]}
not json
{"id": "2", "name": null, "industry": "Retail", "employees": "1,200", "extra": {"a": [1, 2]}}
["a list"]
`
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write([]byte(lines))
	w.Close()
	for name, data := range map[string][]byte{"a.jsonl": []byte(lines), "a.ndjson.gz": gz.Bytes(), "a.json": []byte(lines)} {
		t.Run(name, func(t *testing.T) {
			rows, skips, err := readAll(t, name, data, Options{}, ID, Name, Employees, Technologies)
			if err != nil {
				t.Fatal(err)
			}
			want := []string{"1:id=1,name=Acme,employees=250,technologies=NetSuite;Slack", "3:id=2,name=,employees=1,200,technologies="}
			if strings.Join(rows, "|") != strings.Join(want, "|") || len(skips) != 2 {
				t.Errorf("rows %q skips %q", rows, skips)
			}
		})
	}
}

func TestParquet(t *testing.T) {
	type account struct {
		ID        string   `parquet:"Account ID"`
		Industry  string   `parquet:"Industry"`
		Employees *int64   `parquet:"NumberOfEmployees,optional"`
		Revenue   float64  `parquet:"AnnualRevenue"`
		Tech      []string `parquet:"technologies,list"`
	}
	n := int64(250)
	var b bytes.Buffer
	w := parquet.NewGenericWriter[account](&b)
	if _, err := w.Write([]account{{"a1", "Software", &n, 2.5e7, []string{"NetSuite", "Slack"}}, {"a2", "Retail", nil, 1234.5, nil}}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	rows, _, err := readAll(t, "a.parquet", b.Bytes(), Options{}, ID, Industry, Employees, Revenue, Technologies)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"1:id=a1,industry=Software,employees=250,revenue=25000000,technologies=NetSuite;Slack",
		"2:id=a2,industry=Retail,employees=,revenue=1234.5,technologies="}
	if strings.Join(rows, "|") != strings.Join(want, "|") {
		t.Errorf("rows %q\nwant %q", rows, want)
	}
	// From stdin, through a temporary file that is removed afterwards.
	tmp := t.TempDir()
	r, err := Open("-", Options{Stdin: bytes.NewReader(b.Bytes()), TempDir: tmp})
	if err != nil {
		t.Fatal(err)
	}
	row, err := r.Next()
	if err != nil || row.First(ID) != "a1" {
		t.Errorf("stdin parquet: %v, %v", row, err)
	}
	r.Close()
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("the temporary copy was left behind: %v", left)
	}
}

func TestFilesRefused(t *testing.T) {
	cases := []struct {
		name, file string
		data       []byte
		opts       Options
		want       string
	}{
		{"empty", "a.csv", nil, Options{}, "holds no rows: the file is empty"},
		{"only a header", "a.csv", []byte("name,industry\n"), Options{}, "holds no rows, only a header"},
		{"binary", "a.csv", []byte("\x00\x01\x02PK\x03\x04"), Options{}, "is not CSV or JSON Lines"},
		{"no matchable field, near headers named", "a.csv", []byte("Company,Industy,Employes\nA,B,C\n"), Options{},
			`no column holds industry, employees, revenue, country or technologies; the headers are "Company", "Industy", "Employes"; "Industy" looks like industry, "Employes" looks like employees`},
		{"an explicit column the file lacks", "a.csv", []byte("name,industry\nA,B\n"), Options{Columns: map[Field]string{Employees: "Headcount"}},
			`no column "Headcount" for employees`},
		{"bad parquet", "a.parquet", []byte("PAR1garbage"), Options{}, "not a readable Parquet file"},
		{"json lines with no object", "a.jsonl", []byte("[1]\n[2]\n"), Options{}, "holds no readable row (not a JSON object"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := readAll(t, c.file, c.data, c.opts)
			var fe *FileError
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one holding %q", err, c.want)
			}
		})
	}
}

func TestExplicitColumnWins(t *testing.T) {
	data := "name,Headcount (LinkedIn),employees\nA,300,5\n"
	rows, _, err := readAll(t, "a.csv", []byte(data), Options{Columns: map[Field]string{Employees: "headcount (linkedin)"}}, Employees)
	if err != nil || len(rows) != 1 || rows[0] != "1:employees=300" {
		t.Errorf("rows %q, %v", rows, err)
	}
}

func FuzzReader(f *testing.F) {
	f.Add([]byte("name,industry,employees\n\"A,B\",C,1\nD,\"E\nF\",2\n"), false)
	f.Add([]byte("{\"industry\": \"x\", \"employees\": [1, [2]]}\n{\"a\":\n"), true)
	f.Add([]byte("industry;country\n\"\n;\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, jsonl bool) {
		name := "a.csv"
		if jsonl {
			name = "a.jsonl"
		}
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := Open(path, Options{})
		if err != nil {
			return
		}
		defer r.Close()
		last := 0
		for n := 0; ; n++ {
			row, err := r.Next()
			if err == io.EOF {
				return
			}
			if n > len(data)+1 {
				t.Fatalf("more rows than bytes")
			}
			var skip *Skip
			if errors.As(err, &skip) {
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			if row.Number <= last {
				t.Fatalf("row numbers go back: %d after %d", row.Number, last)
			}
			last = row.Number
		}
	})
}
