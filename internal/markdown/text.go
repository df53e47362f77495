// Package markdown writes report text as Markdown that renders it as
// text: the escaping rules every string of a report goes through, and the
// catalogue source URLs it may link. The report's layout is the root
// package's (Report.Markdown); this is the machinery under it.
package markdown

import (
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/runwhere/runwhere/platform"
)

// Writer turns report strings into Markdown that renders them as text.
// Much of a report's prose quotes what a stranger wrote (the scenario
// name, an instance type inside a blocker message, a region), so every
// string is treated as untrusted: whatever it holds cannot start a line,
// open a heading, link, image, emphasis, HTML or autolink, or add a table
// cell. The one exception is a catalogue source URL (see linkableSources),
// the only address a report links: a finding's source, and the "(url)"
// with which a reason cites one.
//
// The rules follow the CommonMark spec (https://spec.commonmark.org/0.31.2/)
// and GitHub's extensions (https://github.github.com/gfm/):
//
//   - line endings (and every other control character, U+2028 and U+2029)
//     become spaces, so text never starts a line;
//   - ASCII punctuation that opens markup is backslash-escaped (CommonMark
//     §2.4), "<" and ">" written as character references, a backtick as
//     "&#96;" so that it can neither open a code span nor sit against one;
//     "_" between two letters or digits is left alone, since it can
//     neither open nor close emphasis there (§6.2);
//   - a word (a run between spaces) that a GFM autolinker could take for an
//     address, one holding "//", "www.", "@", "mailto:" or "xmpp:", is
//     written as code spans, whose content is literal (§6.1) and which no
//     autolinker looks inside. A backslash before ":" or "@" is not
//     enough: cmark-gfm finds e-mail addresses after escapes are resolved
//     and remark-gfm links "https\://" (remarkjs/remark-gfm#33).
type Writer struct {
	Linkable map[string]bool
}

// Text renders s as Markdown text.
func (m Writer) Text(s string) string { return m.render(s, false) }

// Reason renders a recommendation reason: text in which a catalogue URL
// cited as "(url)", where the reasons cite their sources, stays a link.
func (m Writer) Reason(s string) string { return m.render(s, true) }

func (m Writer) render(s string, sources bool) string {
	words := strings.Split(flatten(s), " ")
	for i, w := range words {
		switch {
		case sources && m.sourceWord(w):
		case autolinkable(w):
			words[i] = codeWord(w)
		default:
			words[i] = escapeWord(w)
		}
	}
	return escapeListMarker(strings.Join(words, " "))
}

// escapeListMarker escapes a leading list marker ("- ", "+ ", "1. ",
// "1) "), which would open a nested list where the text starts a list
// item.
func escapeListMarker(s string) string {
	marker := func(i int) bool { return i < len(s) && (i+1 == len(s) || s[i+1] == ' ') }
	digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
	switch {
	case marker(0) && (s[0] == '-' || s[0] == '+'):
		return `\` + s
	case digits > 0 && marker(digits) && (s[digits] == '.' || s[digits] == ')'):
		return s[:digits] + `\` + s[digits:]
	}
	return s
}

// Code renders s as one code span when it can be, as text otherwise.
func (m Writer) Code(s string) string {
	if s == "" || strings.ContainsAny(s, "`| ") || flatten(s) != s {
		return m.Text(s)
	}
	return "`" + s + "`"
}

// SourceSuffix links a finding's source, when it is a catalogue URL that
// can stand in a link destination as written; anything else is shown as
// text.
func (m Writer) SourceSuffix(src string) string {
	switch {
	case src == "":
		return ""
	case m.Linkable[src]:
		return " ([source](" + src + "))"
	}
	return " (source: " + m.Text(src) + ")"
}

// sourceWord reports whether w is a catalogue URL as the report's reasons
// cite one, "(url)" followed only by ".", "," or ";". Written as is, GFM
// autolinks the URL and nothing else: the word ends at a space, and the
// closing parenthesis and punctuation fall outside the link (GFM §6.9).
func (m Writer) sourceWord(w string) bool {
	w = strings.TrimRight(w, ".,;")
	u, ok := strings.CutPrefix(w, "(")
	if !ok {
		return false
	}
	u, ok = strings.CutSuffix(u, ")")
	return ok && m.Linkable[u]
}

// flatten replaces line endings, every other control character, U+2028
// and U+2029 with spaces, and bytes that are not UTF-8 with U+FFFD.
func flatten(s string) string {
	if utf8.ValidString(s) && strings.IndexFunc(s, breaksLine) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s { // an invalid byte reads as U+FFFD
		if breaksLine(r) {
			r = ' '
		}
		b.WriteRune(r)
	}
	return b.String()
}

func breaksLine(r rune) bool { return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' }

// autolinkable reports whether a GFM autolinker (or markdown-it's linkify)
// could find an address in w: a scheme or protocol-relative "//", a
// "www." domain, an e-mail address, or the mailto: and xmpp: schemes.
func autolinkable(w string) bool {
	if strings.Contains(w, "//") || strings.ContainsRune(w, '@') {
		return true
	}
	l := strings.ToLower(w)
	return strings.Contains(l, "www.") || strings.Contains(l, "mailto:") || strings.Contains(l, "xmpp:")
}

// codeWord writes w as code spans. A code span cannot hold a backtick
// without a longer fence, nor a pipe inside a table, so those split w into
// spans and are written between them as in text.
func codeWord(w string) string {
	var b strings.Builder
	for w != "" {
		i := strings.IndexAny(w, "`|")
		if i < 0 {
			i = len(w)
		}
		if i > 0 {
			b.WriteString("`" + w[:i] + "`")
		}
		if i < len(w) {
			b.WriteString(escapeWord(w[i : i+1]))
			i++
		}
		w = w[i:]
	}
	return b.String()
}

// escapeWord escapes what in w could open markup.
func escapeWord(w string) string {
	if !strings.ContainsAny(w, "\\`*_~[]!#&|<>") {
		return w
	}
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		switch c := w[i]; c {
		case '`':
			b.WriteString("&#96;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '_':
			if i > 0 && i+1 < len(w) && isAlnum(w[i-1]) && isAlnum(w[i+1]) {
				b.WriteByte(c)
				continue
			}
			b.WriteString(`\_`)
		case '\\', '*', '~', '[', ']', '!', '#', '&', '|':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// Fence is a code fence that content cannot close: longer than any run of
// backticks in it, and at least three.
func Fence(content []byte) string {
	return strings.Repeat("`", max(3, longestRun(content, '`')+1))
}

// longestRun is the length of the longest run of c in b.
func longestRun(b []byte, c byte) int {
	longest, n := 0, 0
	for _, x := range b {
		if x == c {
			n++
			longest = max(longest, n)
		} else {
			n = 0
		}
	}
	return longest
}

var urlType = reflect.TypeFor[platform.URL]()

// Sources collects the URLs v cites that a Writer may link: every
// platform.URL in it and every string field whose name ends in "Source",
// kept when platform.URL accepts it and it holds no character with a
// meaning in Markdown or that would end or extend an autolink, so that
// each can be written as it is.
func Sources(v any) map[string]bool {
	found := map[string]bool{}
	collectSources(reflect.ValueOf(v), false, found)
	for u := range found {
		if !linkable(u) {
			delete(found, u)
		}
	}
	return found
}

func linkable(u string) bool {
	return platform.URL(u).Validate() == nil && strings.IndexFunc(u, notURLSafe) < 0
}

func collectSources(v reflect.Value, named bool, out map[string]bool) {
	switch v.Kind() {
	case reflect.String:
		if named || v.Type() == urlType {
			out[v.String()] = true
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			collectSources(v.Elem(), named, out)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() {
				collectSources(v.Field(i), strings.HasSuffix(f.Name, "Source"), out)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			collectSources(v.Index(i), false, out)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			collectSources(it.Value(), false, out)
		}
	}
}

// notURLSafe reports characters outside RFC 3986's unreserved and reserved
// sets, and the brackets and parentheses that would close a link or an
// autolink early.
func notURLSafe(r rune) bool {
	switch {
	case isAlnum(byte(r)) && r < utf8.RuneSelf:
		return false
	case strings.ContainsRune("-._~:/?#@!$&'*+,;=%", r):
		return false
	}
	return true
}
