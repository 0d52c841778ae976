package mdtext

import "testing"

func TestEscape(t *testing.T) {
	tests := map[string]string{
		"a | b":               `a \| b`,
		"line\nbreak":         "line break",
		"<script>":            "&lt;script&gt;",
		"`code` *bold* _i_":   "\\`code\\` \\*bold\\* \\_i\\_",
		"[link](x) # & www.":  `\[link\](x) \# &amp; www\.`,
		"https://example.com": `https\://example.com`,
		"ping @octocat":       "ping @\u200boctocat",
		"<!-- hide the rest":  "&lt;!-- hide the rest",
		"esc\x1b[31m":         `esc\\x1b\[31m`,
	}
	for in, want := range tests {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCode(t *testing.T) {
	tests := map[string]string{
		"personas/a.md": "`personas/a.md`",
		"a`b":           "`` a`b ``",
		"a``b|c":        "``` a``b\\|c ```",
		"x`<img src=x onerror=alert(1)>`@someone": "`` x`<img src=x onerror=alert(1)>`@someone ``",
		"":       "` `",
		"a\x1bb": "`a\\x1bb`",
	}
	for in, want := range tests {
		if got := Code(in); got != want {
			t.Errorf("Code(%q) = %q, want %q", in, got, want)
		}
	}
}
