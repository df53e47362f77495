package ha_test

import (
	"fmt"
	"io/fs"
	"os"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/internal/input/inputtest"
)

// TestHostileNumbersInCatalogue plants each hostile number of issue 10 in
// every number of every file of the embedded HA catalogue: each must be
// refused, naming the file and the key, within the time bound.
func TestHostileNumbersInCatalogue(t *testing.T) {
	base := fstest.MapFS{}
	require.NoError(t, fs.WalkDir(os.DirFS("data"), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile("data/" + path)
		base[path] = &fstest.MapFile{Data: data}
		return err
	}))
	_, err := ha.LoadCatalogue(base, ".")
	require.NoError(t, err)
	found := 0
	for name, f := range base {
		vs, err := inputtest.Variants(f.Data, inputtest.Hostile, nil)
		require.NoError(t, err)
		found += len(vs)
		for _, v := range vs {
			t.Run(fmt.Sprintf("%s:%d:%s=%s", name, v.Line, v.Key, v.Value), func(t *testing.T) {
				fsys := fstest.MapFS{}
				for k, f := range base {
					fsys[k] = f
				}
				fsys[name] = &fstest.MapFile{Data: v.Doc}
				var err error
				elapsed := inputtest.Fastest(time.Duration(inputtest.Bound), func() { _, err = ha.LoadCatalogue(fsys, ".") })
				require.Error(t, err, "%s = %s accepted", v.Key, v.Value)
				assert.Contains(t, err.Error(), name)
				assert.Contains(t, err.Error(), v.Key)
				assert.Less(t, elapsed, time.Duration(inputtest.Bound))
				assert.LessOrEqual(t, len(err.Error()), 300, "error %q", err)
			})
		}
	}
	require.Greater(t, found, 0, "no numbers found in the HA catalogue")
}
