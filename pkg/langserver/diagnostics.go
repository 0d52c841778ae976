package langserver

import (
	"bytes"
	"unicode/utf8"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/output"
)

// codeRequestFailed is LSP's error code for a request that was valid but
// could not be carried out.
const codeRequestFailed = -32803

// codeServerNotInitialized is LSP's error code for a request sent before
// initialize.
const codeServerNotInitialized = -32002

// diagnosticSource names persona in the editor's list of diagnostics.
const diagnosticSource = "persona"

// publish sends a buffer's current findings as its diagnostics.
func (s *server) publish(b *buffer) {
	diags := []protocol.Diagnostic{}
	if b.sp != nil && b.rel != "" && b.sp.findings != nil {
		lines := newLineIndex(b.text)
		for _, f := range b.sp.findings[b.rel] {
			diags = append(diags, diagnostic(lines, f))
		}
	}
	version := protocol.UInteger(max(b.version, 0))
	s.notify(string(protocol.ServerTextDocumentPublishDiagnostics), protocol.PublishDiagnosticsParams{
		URI: b.uri, Version: &version, Diagnostics: diags,
	})
}

// diagnostic turns a finding into an LSP diagnostic: the same rule, message
// and severity, at the same place, converted to UTF-16 (see the README).
func diagnostic(lines *lineIndex, f finding.Finding) protocol.Diagnostic {
	sev := map[finding.Severity]protocol.DiagnosticSeverity{
		finding.Error:   protocol.DiagnosticSeverityError,
		finding.Warning: protocol.DiagnosticSeverityWarning,
		finding.Info:    protocol.DiagnosticSeverityInformation,
	}[f.Severity]
	source := diagnosticSource
	return protocol.Diagnostic{
		Range:           findingRange(lines, f),
		Severity:        &sev,
		Code:            &protocol.IntegerOrString{Value: f.Rule},
		CodeDescription: &protocol.CodeDescription{HRef: output.RulesURI},
		Source:          &source,
		Message:         f.Message,
	}
}

// findingRange is where a finding starts, to the end of what it is about:
// the value a fix would replace, else the rest of the word or value on the
// line, so that the editor underlines something visible.
func findingRange(lines *lineIndex, f finding.Finding) protocol.Range {
	start := lines.fromPersona(f.Line, f.Column)
	line := lines.line(int(start.Line))
	at := lines.offset(start) - lines.starts[int(start.Line)]
	rest := line[min(at, len(line)):]
	n := len(bytes.TrimRight(rest, " \t"))
	switch {
	case len(rest) > 1 && (rest[0] == '"' || rest[0] == '\''):
		if i := bytes.IndexByte(rest[1:], rest[0]); i >= 0 {
			n = i + 2
		}
	default: // a plain value ends where a flow collection or comment goes on
		if i := bytes.IndexAny(rest, ",]}#"); i > 0 {
			n = len(bytes.TrimRight(rest[:i], " \t"))
		}
	}
	if f.Suggestion != nil && f.Suggestion.Old != "" {
		if i := bytes.Index(rest, []byte(f.Suggestion.Old)); i >= 0 && i <= 1 {
			n = i + len(f.Suggestion.Old)
			if i == 1 && n < len(rest) && rest[n] == rest[0] {
				n++ // the closing quote
			}
		}
	}
	end := start
	end.Character += protocol.UInteger(utf16Count(rest[:n]))
	return protocol.Range{Start: start, End: end}
}

func utf16Count(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		n += utf16Len(r)
	}
	return n
}
