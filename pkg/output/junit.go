package output

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/personakit/persona/pkg/finding"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// JUnit writes one test suite per file and one uniquely named test case per
// finding; findings below --fail-on pass with their message as output, and
// a clean file is one passing case.
func JUnit(w io.Writer, r *Report, _ Style) error {
	byFile := map[string][]int{}
	var order []string
	for _, p := range r.Files {
		if _, ok := byFile[p]; !ok {
			order = append(order, p)
			byFile[p] = nil
		}
	}
	for i, f := range r.Findings {
		if _, ok := byFile[f.Path]; !ok {
			order = append(order, f.Path)
		}
		byFile[f.Path] = append(byFile[f.Path], i)
	}
	failOn := r.FailOn
	if failOn == finding.Off {
		failOn = finding.Error
	}
	out := junitSuites{Name: "persona lint"}
	for _, path := range order {
		suite := junitSuite{Name: path}
		names := map[string]int{}
		for _, i := range byFile[path] {
			f := r.Findings[i]
			name := fmt.Sprintf("%s at %d:%d", f.Rule, f.Line, f.Column)
			names[name]++
			if n := names[name]; n > 1 {
				name = fmt.Sprintf("%s (%d)", name, n)
			}
			c := junitCase{Name: name, Classname: classname(path), File: path, Line: f.Line}
			text := fmt.Sprintf("%s:%d:%d: %s: %s (%s)", f.Path, f.Line, f.Column, f.Severity, f.Message, f.Rule)
			if f.Severity >= failOn {
				c.Failure = &junitFailure{Message: f.Message, Type: f.Severity.String(), Text: text}
				suite.Failures++
			} else {
				c.SystemOut = text
			}
			suite.Cases = append(suite.Cases, c)
		}
		if len(suite.Cases) == 0 {
			suite.Cases = append(suite.Cases, junitCase{Name: "lint", Classname: classname(path), File: path})
		}
		suite.Tests = len(suite.Cases)
		out.Tests += suite.Tests
		out.Failures += suite.Failures
		out.Suites = append(out.Suites, suite)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// classname groups cases by file in viewers that split on dots.
func classname(path string) string {
	return "persona." + strings.TrimSuffix(strings.ReplaceAll(path, "/", "."), ".md")
}
