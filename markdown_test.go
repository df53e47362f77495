package runwhere_test

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/platform"
)

const markdownBase = "workload: {requests_per_second: 40, duration_ms: 120, memory_mb: 512}\n"

// markdownOf evaluates the base workload under a scenario name and worker
// instance type the caller chose: the two strings a stranger controls that
// reach the report's prose (the title, blocker messages, reasons, the
// Needs column).
func markdownOf(t testing.TB, name, instanceType string) (runwhere.Report, bool) {
	t.Helper()
	s, err := runwhere.ParseScenario([]byte(markdownBase))
	require.NoError(t, err)
	s.Name, s.Servers.InstanceType = name, instanceType
	r, err := runwhere.Evaluate(s)
	var fe *runwhere.FieldError
	if errors.As(err, &fe) && fe.Field == "servers.instance_type" {
		// Evaluate refuses a type the instance table does not hold; a
		// report built or decoded by a caller can still carry any text,
		// so plant it where an evaluation quotes the type.
		s.Servers.InstanceType = ""
		if r, err = runwhere.Evaluate(s); err == nil {
			plantInstanceType(&r, instanceType)
		}
	}
	if err != nil {
		return runwhere.Report{}, false
	}
	return r, true
}

// plantInstanceType writes t wherever a report quoted an unknown worker
// instance type before Evaluate refused one: the inputs, each nodes
// platform's capacity, a blocker and the recommendation's reasons.
func plantInstanceType(r *runwhere.Report, t string) {
	r.Inputs.Servers.InstanceType = t
	for i := range r.Platforms {
		p := &r.Platforms[i]
		if p.Capacity.InstanceType == "" {
			continue
		}
		f := capacity.UnknownInstanceFinding(t)
		p.Capacity.InstanceType, p.Feasible = t, false
		p.Blockers = append(p.Blockers, f)
		r.Recommendation.Reasons = append(r.Recommendation.Reasons, p.Name+" cannot run it: "+f.Message+".")
	}
}

// Markdown renders user text as text: whatever a scenario name, region or
// instance type holds, it cannot open a heading, a link, an image, an
// autolink or HTML, break out of a table cell or the inputs' code block,
// and the title shows the name as written (line breaks as spaces).
func TestMarkdownUserTextIsText(t *testing.T) {
	tests := []struct {
		label        string
		name         string
		instanceType string
		region       string // set on the report: Evaluate accepts only known regions
		wantTitle    string // the title as a reader sees it; "" for "runwhere: " + name
	}{
		{label: "carriage return opens a heading", name: "a\r# b", wantTitle: "runwhere: a # b"},
		{label: "newline opens a heading", name: "a\n# b\n\n## c", wantTitle: "runwhere: a # b  ## c"},
		{label: "unicode line separator", name: "a\u2028# b\u0085c", wantTitle: "runwhere: a # b c"},
		{label: "image", name: "![img](https://evil.example/i.png)"},
		{label: "link", name: "[link](https://evil.example)"},
		{label: "reference link", name: "[link][1] [1]: https://evil.example"},
		{label: "angle autolink", name: "<https://evil.example>"},
		{label: "html", name: `<img src=x onerror="alert(1)">`},
		{label: "bare url", name: "see https://evil.example/x now"},
		{label: "www autolink", name: "www.evil.example"},
		{label: "email autolink", name: "mail me@evil.example"},
		{label: "mailto autolink", name: "mailto:me@evil.example"},
		{label: "entity-encoded at sign", name: "me&#64;evil.example"},
		{label: "entity-encoded link", name: "&#91;x&#93;(https&#58;//evil.example)"},
		{label: "closing hashes", name: "title ##"},
		{label: "backticks", name: "`code` and ``more``"},
		{label: "pipes", name: "a | b"},
		{label: "emphasis", name: "*bold* _it_ ~~del~~ snake_case"},
		{label: "backslashes", name: `a\[b\]\`},
		{label: "fence breaker", name: "x\n```\n# evil", wantTitle: "runwhere: x ``` # evil"},
		{label: "catalogue url glued to user text", name: "(https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html)@evil.example"},
		{label: "url instance type", instanceType: "https://evil.example/x"},
		{label: "link instance type", instanceType: "[x](https://evil.example)"},
		{label: "image instance type", instanceType: "![x](https://evil.example/i.png)"},
		{label: "pipe and www instance type", instanceType: "m5|www.evil.example"},
		{label: "heading instance type", instanceType: "\n# evil"},
		{label: "region link", region: "[r](https://evil.example)"},
		{label: "region www", region: "www.evil.example"},
	}
	for _, tc := range tests {
		t.Run(tc.label, func(t *testing.T) {
			r, ok := markdownOf(t, tc.name, tc.instanceType)
			require.True(t, ok, "Evaluate refused the scenario")
			if tc.region != "" {
				r.Region = tc.region
			}
			md := r.Markdown()
			assert.Empty(t, mdProblems(r, md), "Markdown() =\n%s", md)
			want := tc.wantTitle
			if want == "" {
				want = "runwhere: " + cmp.Or(tc.name, "unnamed scenario")
			}
			title, _, _ := strings.Cut(md, "\n")
			assert.Equal(t, want, visible(strings.TrimPrefix(title, "# ")), "title %q", title)
			if tc.instanceType != "" {
				assert.Contains(t, md, "unknown-instance-type", "the instance type should reach a blocker message")
			}
		})
	}
}

// The reference reports break none of the rules either, so the checker
// itself accepts what runwhere writes about its own catalogue.
func TestMarkdownGoldenReportsPassTheChecker(t *testing.T) {
	for _, p := range runwhere.Presets() {
		s, err := runwhere.ParseScenario([]byte(p.YAML))
		require.NoError(t, err)
		r, err := runwhere.Evaluate(s)
		require.NoError(t, err)
		assert.Empty(t, mdProblems(r, r.Markdown()), p.Name)
	}
}

// mdProblems reads md as a CommonMark/GFM renderer would, line by line, and
// lists every place where text can act as markup that runwhere's template
// did not write: a heading line it does not own, a heading's closing
// hashes, a setext underline, a table row with more or fewer cells than
// its header, a fence that closes early, and, outside code spans and
// backslash escapes, link or image syntax, raw HTML or angle autolinks,
// and the text GFM autolinks (scheme://, www., an e-mail address) unless
// it is a catalogue source URL written as "(url)" or "[source](url)".
func mdProblems(r runwhere.Report, md string) []string {
	trusted := sourceURLs(r)
	var out []string
	bad := func(i int, format string, args ...any) {
		out = append(out, fmt.Sprintf("line %d: ", i+1)+fmt.Sprintf(format, args...))
	}
	lines := strings.Split(md, "\n")
	fence, fences, headings, cells := "", 0, 0, -1
	for i, line := range lines {
		if fence != "" {
			if closesFence(line, fence) {
				fence = ""
				for j := i + 1; j < len(lines); j++ {
					if lines[j] != "" {
						bad(j, "text after the inputs' code block: %q", lines[j])
					}
				}
			}
			continue
		}
		if strings.HasPrefix(line, "```") {
			fences++
			fence = line[:len(line)-len(strings.TrimLeft(line, "`"))]
			if i < 2 || lines[i-2] != "## Inputs as evaluated" {
				bad(i, "code block that is not the inputs': %q", line)
			}
			continue
		}
		if strings.HasPrefix(strings.TrimLeft(line, " "), "#") {
			headings++
			if !ownHeading(i, line) {
				bad(i, "heading runwhere did not write: %q", line)
			}
			if t := strings.TrimRight(line, " \t"); strings.HasSuffix(t, "#") && strings.HasSuffix(strings.TrimRight(t, "#"), " ") {
				bad(i, "heading ends in a closing sequence: %q", line)
			}
		}
		if t := strings.TrimSpace(line); t != "" && (strings.Trim(t, "=") == "" || strings.Trim(t, "-") == "") {
			bad(i, "setext underline: %q", line)
		}
		if strings.HasPrefix(line, "|") {
			n := unescapedPipes(line)
			if cells < 0 {
				cells = n
			} else if n != cells {
				bad(i, "table row with %d pipes, header has %d: %q", n, cells, line)
			}
		} else {
			cells = -1
		}
		raw := removeTrusted(liveText(line), trusted)
		for _, s := range []string{"](", "![", "<"} {
			if strings.Contains(raw, s) {
				bad(i, "%q outside code and escapes: %q", s, line)
			}
		}
		// Linkifiers that run after parsing (cmark-gfm's e-mail pass,
		// markdown-it's linkify) see character references decoded.
		decoded := strings.ToLower(html.UnescapeString(raw))
		for _, s := range []string{"://", "www.", "@", "mailto:", "xmpp:"} {
			if strings.Contains(decoded, s) {
				bad(i, "autolink %q outside code and escapes: %q", s, line)
			}
		}
	}
	if fence != "" {
		out = append(out, "the inputs' code block never closes")
	}
	if fences != 1 {
		out = append(out, fmt.Sprintf("%d code blocks, want 1", fences))
	}
	want := 4 + len(r.Platforms)
	if len(r.BreakEven) > 0 {
		want++
	}
	if len(r.Comparison.Rows) > 0 {
		want++
	}
	if len(r.Assumptions) > 0 {
		want++
	}
	if r.Baseline != nil {
		want++
	}
	if headings != want {
		out = append(out, fmt.Sprintf("%d headings, want %d", headings, want))
	}
	return out
}

func ownHeading(i int, line string) bool {
	if i == 0 {
		return strings.HasPrefix(line, "# runwhere: ")
	}
	switch line {
	case "## Platforms", "## Break-even against Lambda", "## Inputs as evaluated", "## Assumptions":
		return true
	}
	return strings.HasPrefix(line, "## Recommendation: ") || strings.HasPrefix(line, "## What runs today: ") || strings.HasPrefix(line, "## Limits and features (") || strings.HasPrefix(line, "### ")
}

// closesFence reports whether line closes a code block opened by fence:
// up to three spaces, at least as many backticks, then only blanks.
func closesFence(line, fence string) bool {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 {
		return false
	}
	rest := strings.TrimLeft(t, "`")
	return len(t)-len(rest) >= len(fence) && strings.Trim(rest, " \t") == ""
}

// unescapedPipes counts the pipes GFM splits a table row on: all but
// backslash-escaped ones, inside code spans too.
func unescapedPipes(line string) int {
	n := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	return n
}

// liveText is line without its code spans and backslash escapes (each
// replaced by \x01): the text a renderer parses for markup.
func liveText(line string) string {
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\\' && i+1 < len(line) && isASCIIPunct(line[i+1]):
			b.WriteByte(1)
			i++
		case c == '`':
			n := backticks(line[i:])
			if end := closingRun(line[i+n:], n); end >= 0 {
				b.WriteByte(1)
				i += n + end + n - 1
				continue
			}
			b.WriteString(line[i : i+n])
			i += n - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func backticks(s string) int { return len(s) - len(strings.TrimLeft(s, "`")) }

// closingRun is the offset in s of the first run of exactly n backticks,
// or -1.
func closingRun(s string, n int) int {
	for i := 0; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		m := backticks(s[i:])
		if m == n {
			return i
		}
		i += m
	}
	return -1
}

func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// removeTrusted drops catalogue source URLs in the two forms runwhere
// writes them, "[source](url)" and "(url)" ending a word, so that only
// text that came from elsewhere is left to check.
func removeTrusted(s string, trusted map[string]bool) string {
	for u := range trusted {
		s = strings.ReplaceAll(s, "[source]("+u+")", "")
		for {
			i := strings.Index(s, "("+u+")")
			if i < 0 {
				break
			}
			end := i + len(u) + 2
			rest := strings.TrimLeft(s[end:], ".,;")
			if rest != "" && rest[0] != ' ' && rest[0] != ')' {
				break // an autolink would run on into what follows
			}
			s = s[:i] + s[end:]
		}
	}
	return s
}

// sourceURLs collects every source URL of the report (its findings and HA
// summaries) and of the platform catalogue it was evaluated on: the only
// addresses Markdown may link.
func sourceURLs(r runwhere.Report) map[string]bool {
	out := map[string]bool{}
	r.Inputs = runwhere.Scenario{}
	jsonSources(r, out)
	cat, ok := catalogueURLs.Load(r.Snapshot)
	if !ok {
		m := map[string]bool{}
		if c, err := platform.EmbeddedCatalogue(platform.SnapshotID(r.Snapshot)); err == nil {
			jsonSources(c, m)
		}
		cat, _ = catalogueURLs.LoadOrStore(r.Snapshot, m)
	}
	for u := range cat.(map[string]bool) {
		out[u] = true
	}
	return out
}

var catalogueURLs sync.Map // snapshot → map[string]bool, read once

func jsonSources(v any, out map[string]bool) {
	js, err := json.Marshal(v)
	if err != nil {
		return
	}
	var tree any
	if json.Unmarshal(js, &tree) == nil {
		collectSources(tree, out)
	}
}

func collectSources(v any, out map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && (k == "source" || strings.HasSuffix(k, "_source")) && strings.HasPrefix(s, "http") {
				out[s] = true
			}
			collectSources(x, out)
		}
	case []any:
		for _, x := range v {
			collectSources(x, out)
		}
	}
}

// visible is the text a reader sees for one line of runwhere's inline
// Markdown: escapes resolved, code spans as their content, character
// references decoded.
func visible(line string) string {
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\\' && i+1 < len(line) && isASCIIPunct(line[i+1]):
			b.WriteByte(line[i+1])
			i++
		case c == '`':
			n := backticks(line[i:])
			end := closingRun(line[i+n:], n)
			if end < 0 {
				b.WriteString(line[i : i+n])
				i += n - 1
				continue
			}
			code := line[i+n : i+n+end]
			if len(code) >= 2 && code[0] == ' ' && code[len(code)-1] == ' ' && strings.Trim(code, " ") != "" {
				code = code[1 : len(code)-1]
			}
			b.WriteString(code)
			i += n + end + n - 1
		case c == '&':
			j := strings.IndexByte(line[i:], ';')
			if j < 0 {
				b.WriteByte(c)
				continue
			}
			b.WriteString(html.UnescapeString(line[i : i+j+1]))
			i += j
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// A blocked platform has no bill: the Platforms table shows "—" for its
// cost, as the page does, never $0.00 (issue 15 item 13).
func TestMarkdownBlockedPlatformHasNoCost(t *testing.T) {
	blocked := 0
	for _, p := range runwhere.Presets() {
		s, err := runwhere.ParseScenario([]byte(p.YAML))
		require.NoError(t, err)
		r, err := runwhere.Evaluate(s)
		require.NoError(t, err)
		md := r.Markdown()
		for _, pl := range r.Platforms {
			if pl.Feasible {
				continue
			}
			blocked++
			row := "| " + pl.Name + " | **no** | "
			require.Contains(t, md, row, p.Name)
			line := md[strings.Index(md, row):]
			line = line[:strings.IndexByte(line, '\n')]
			assert.True(t, strings.HasPrefix(line, row+"— | — | "), "%s: %s", p.Name, line)
		}
	}
	require.NotZero(t, blocked, "no preset has a blocked platform to check")
}
