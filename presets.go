package runwhere

import (
	"embed"
	"path"
	"strings"
)

// The reference scenarios double as the calculator's presets and as the
// golden tests' inputs, so that what a person starts from in the browser is
// exactly what reviewers check.
//
//go:embed testdata/scenarios/*.yaml
var presetFS embed.FS

// Preset is a reference scenario: its file name (without .yaml) and text.
type Preset struct {
	Name string `json:"name"`
	YAML string `json:"yaml"`
}

// Presets returns the reference scenarios, sorted by name.
func Presets() []Preset {
	entries, err := presetFS.ReadDir("testdata/scenarios")
	if err != nil {
		return nil // cannot happen: the directory is embedded
	}
	out := make([]Preset, 0, len(entries))
	for _, e := range entries {
		data, err := presetFS.ReadFile(path.Join("testdata/scenarios", e.Name()))
		if err != nil {
			continue
		}
		out = append(out, Preset{Name: strings.TrimSuffix(e.Name(), ".yaml"), YAML: string(data)})
	}
	return out
}

// Version is the version of runwhere's code and embedded catalogues.
const Version = "0.1.0"
