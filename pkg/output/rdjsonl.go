package output

import (
	"encoding/json"
	"io"

	"github.com/personakit/persona/pkg/finding"
)

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type rdDiagnostic struct {
	Message  string `json:"message"`
	Location struct {
		Path  string `json:"path"`
		Range struct {
			Start rdPosition `json:"start"`
		} `json:"range"`
	} `json:"location"`
	Severity string `json:"severity"`
	Source   struct {
		Name string `json:"name"`
		URL  string `json:"url"`
	} `json:"source"`
	Code struct {
		Value string `json:"value"`
		URL   string `json:"url"`
	} `json:"code"`
	Suggestions []rdSuggestion `json:"suggestions,omitempty"`
}

// rdSuggestion is one edit of a fix; reviewdog posts it as a suggested
// change on the pull request.
type rdSuggestion struct {
	Range struct {
		Start rdPosition `json:"start"`
		End   rdPosition `json:"end"`
	} `json:"range"`
	Text string `json:"text"`
}

// RDJSONL writes reviewdog's Diagnostic format, one JSON object a line.
// Its columns count UTF-8 bytes, as reviewdog's do.
func RDJSONL(w io.Writer, r *Report, _ Style) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i, f := range r.Findings {
		var d rdDiagnostic
		d.Message = f.Message
		d.Location.Path = f.Path
		d.Location.Range.Start = rdPosition{Line: f.Line, Column: r.byteColumn(i)}
		d.Severity = map[finding.Severity]string{finding.Error: "ERROR", finding.Warning: "WARNING", finding.Info: "INFO"}[f.Severity]
		d.Source.Name, d.Source.URL = "persona", InformationURI
		d.Code.Value, d.Code.URL = f.Rule, RulesURI
		if f.Fix != nil {
			for _, e := range f.Fix.Edits {
				if e.Path != f.Path {
					continue // a suggestion applies to the diagnostic's own file
				}
				var s rdSuggestion
				s.Range.Start = rdPosition{Line: e.Start.Line, Column: e.StartByteColumn}
				s.Range.End = rdPosition{Line: e.End.Line, Column: e.EndByteColumn}
				s.Text = e.NewText
				d.Suggestions = append(d.Suggestions, s)
			}
		}
		if err := enc.Encode(d); err != nil {
			return err
		}
	}
	return nil
}

// byteColumn is the i-th finding's column in bytes, or its character column
// when none were computed.
func (r *Report) byteColumn(i int) int {
	if i < len(r.ByteColumns) {
		return r.ByteColumns[i]
	}
	return r.Findings[i].Column
}
