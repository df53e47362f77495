package main

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// wasmFunc is one function body of a wasm module with the name the
// linker gave it (empty in a stripped build).
type wasmFunc struct {
	Name string
	Size int // bytes of the body in the code section
	body []byte
}

// wasmModule is what the size profile needs of a wasm binary: the size of
// each section and the function bodies with their names.
type wasmModule struct {
	Total    int
	Sections map[string]int // section name → bytes, header included
	Funcs    []wasmFunc
}

// readWasm reads a wasm binary's sections, code bodies and "name" custom
// section. Go's debug packages and go tool nm do not read wasm, so the
// linker's symbol table is read from the module itself: function names are
// the Go symbols (package path, type, method), data has no names and is
// reported as a whole.
func readWasm(b []byte) (wasmModule, error) {
	m := wasmModule{Total: len(b), Sections: map[string]int{}}
	if len(b) < 8 || !bytes.Equal(b[:4], []byte("\x00asm")) {
		return m, errors.New("perf: not a wasm module (no \\0asm magic)")
	}
	r := &reader{b: b, off: 8}
	imported := 0
	var bodies [][]byte
	names := map[int]string{}
	for r.off < len(b) {
		start := r.off
		id := r.byte()
		size := r.uleb()
		if r.err != nil || size > uint64(len(b)-r.off) {
			return m, fmt.Errorf("perf: section at offset %d: truncated", start)
		}
		payload := b[r.off : r.off+int(size)]
		r.off += int(size)
		name := sectionNames[id]
		if name == "" {
			name = fmt.Sprintf("section %d", id)
		}
		p := &reader{b: payload}
		switch id {
		case 0:
			custom := string(p.vec())
			name = "custom " + custom
			if custom == "name" {
				readNames(p, names)
			}
		case 2:
			imported = countFuncImports(p)
		case 10:
			n := p.uleb()
			for i := uint64(0); i < n && p.err == nil; i++ {
				bodies = append(bodies, p.vec())
			}
		}
		if p.err != nil {
			return m, fmt.Errorf("perf: %s: %w", name, p.err)
		}
		m.Sections[name] += r.off - start
	}
	for i, body := range bodies {
		m.Funcs = append(m.Funcs, wasmFunc{Name: names[imported+i], Size: len(body), body: body})
	}
	return m, nil
}

var sectionNames = map[byte]string{
	1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global",
	7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "data count",
}

// readNames reads the function-names subsection (id 1) of a "name" section.
func readNames(p *reader, names map[int]string) {
	for p.off < len(p.b) && p.err == nil {
		id := p.byte()
		sub := &reader{b: p.vec()}
		if id != 1 {
			continue
		}
		n := sub.uleb()
		for i := uint64(0); i < n && sub.err == nil; i++ {
			idx := sub.uleb()
			names[int(idx)] = string(sub.vec())
		}
		p.err = sub.err
	}
}

// countFuncImports counts the imported functions, which come before the
// module's own in the function index space.
func countFuncImports(p *reader) int {
	n := p.uleb()
	funcs := 0
	for i := uint64(0); i < n && p.err == nil; i++ {
		p.vec() // module
		p.vec() // field
		switch p.byte() {
		case 0: // function: type index
			p.uleb()
			funcs++
		case 1: // table: reference type, limits
			p.byte()
			p.limits()
		case 2: // memory: limits
			p.limits()
		case 3: // global: value type, mutability
			p.byte()
			p.byte()
		default:
			p.err = errors.New("unknown import kind")
		}
	}
	return funcs
}

type reader struct {
	b   []byte
	off int
	err error
}

func (r *reader) byte() byte {
	if r.err != nil || r.off >= len(r.b) {
		r.fail()
		return 0
	}
	r.off++
	return r.b[r.off-1]
}

func (r *reader) uleb() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b[r.off:])
	if n <= 0 {
		r.fail()
		return 0
	}
	r.off += n
	return v
}

func (r *reader) vec() []byte {
	n := r.uleb()
	if r.err != nil || n > uint64(len(r.b)-r.off) {
		r.fail()
		return nil
	}
	v := r.b[r.off : r.off+int(n)]
	r.off += int(n)
	return v
}

func (r *reader) limits() {
	if r.byte()&1 != 0 {
		r.uleb()
	}
	r.uleb()
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = fmt.Errorf("truncated at offset %d", r.off)
	}
}

// packageNames maps each package path as it appears in the wasm's name
// section to the path itself. The linker writes a symbol's package as
// objabi.PathToPrefix does (dots in the last element become %2e) and the
// wasm name section then replaces every character but letters, digits, _
// and . with _ ("gopkg.in/yaml.v3" becomes "gopkg.in_yaml_2ev3"), so the
// package of a name is found by matching these prefixes, not by parsing.
func packageNames(paths []string) map[string]string {
	m := make(map[string]string, len(paths))
	for _, p := range paths {
		m[wasmNameChars.ReplaceAllString(pathToPrefix(p), "_")] = p
	}
	return m
}

var wasmNameChars = regexp.MustCompile(`[^\w.]`)

// pathToPrefix is cmd/internal/objabi.PathToPrefix: it escapes control
// characters, space, %, " and DEL and beyond, and the dots of the last
// path element.
func pathToPrefix(s string) string {
	slash := strings.LastIndexByte(s, '/')
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || (c == '.' && i > slash) || c == '%' || c == '"' || c >= 0x7F {
			fmt.Fprintf(&b, "%%%02x", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// symbolPackage is the package of a function named sym in the name
// section: the longest known package followed by a dot. Type arguments in
// brackets are cut first, as they name other packages. A name of no known
// package (the linker's "type:" helpers, assembly entry points) is grouped
// under what precedes its first dot.
func symbolPackage(sym string, pkgs map[string]string) string {
	if sym == "" {
		return "(unnamed)"
	}
	head := sym
	if i := strings.IndexByte(head, '['); i >= 0 {
		head = head[:i]
	}
	best := ""
	for i := 0; i < len(head); i++ {
		if head[i] == '.' {
			if p, ok := pkgs[head[:i]]; ok {
				best = p
			}
		}
	}
	if best != "" {
		return best
	}
	if i := strings.IndexByte(head, '.'); i >= 0 {
		return "(other) " + head[:i]
	}
	return "(other) " + head
}

// gzipLen is the length of b compressed with gzip -9.
func gzipLen(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, _ = w.Write(b)
	_ = w.Close()
	return buf.Len()
}
