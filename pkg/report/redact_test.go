package report

import (
	"testing"

	"github.com/personakit/persona/pkg/pii"
)

func TestRedactBody(t *testing.T) {
	finder := pii.Finder{Regions: []string{"US", "DE"}}
	tests := []struct{ name, in, want string }{
		{"a blockquote, lazy continuation included", "Intro.\n\n> I hate month-end.\n> Every month.\nstill quoted\n\nAfter.\n",
			"Intro.\n\n> [quote redacted]\n\nAfter.\n"},
		{"inline quotations", "She said “close in five days” and „nie wieder Excel“ and \"we need this now\"; the \"TLS\" word stays.\n",
			"She said “[quote redacted]” and “[quote redacted]” and “[quote redacted]”; the \"TLS\" word stays.\n"},
		{"personal data", "Mail jane@acme.io or call 0711 1234567 / +1 415 555 0134.\n",
			"Mail [redacted] or call [redacted] / [redacted].\n"},
		{"fenced code keeps its quote marks, not its personal data", "```\n> not a quote\njane@acme.io\n```\n", "```\n> not a quote\n[redacted]\n```\n"},
		{"CRLF line ends", "> quote\r\nnext\r\n\r\nplain\r\n", "> [quote redacted]\r\n\r\nplain\r\n"},
		{"nested in a list", "- item\n  > quoted\n", "- item\n  > [quote redacted]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := redactBody(tt.in, finder); got != tt.want {
				t.Errorf("redactBody =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}
