package platform_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/internal/input/inputtest"
	"github.com/runwhere/runwhere/platform"
)

// TestHostileNumbersInCatalogue plants each hostile number of issue 10 in
// every number of both embedded catalogues: each must be refused, naming
// its line and key, within the time bound.
func TestHostileNumbersInCatalogue(t *testing.T) {
	for _, name := range []string{"2017-12", "2026-11"} {
		data, err := os.ReadFile(filepath.Join("data", name+".yaml"))
		require.NoError(t, err)
		vs, err := inputtest.Variants(data, inputtest.Hostile, nil)
		require.NoError(t, err)
		require.Greater(t, len(vs), 50, "too few numbers found in %s", name)
		for _, v := range vs {
			t.Run(fmt.Sprintf("%s:%d:%s=%s", name, v.Line, v.Key, v.Value), func(t *testing.T) {
				var err error
				elapsed := inputtest.Fastest(time.Duration(inputtest.Bound), func() { _, err = platform.ParseCatalogue(name+".yaml", v.Doc) })
				require.Error(t, err, "%s = %s accepted", v.Key, v.Value)
				assert.Contains(t, err.Error(), fmt.Sprintf("%s.yaml:%d:", name, v.Line))
				assert.Contains(t, err.Error(), v.Key)
				assert.Less(t, elapsed, time.Duration(inputtest.Bound))
				assert.LessOrEqual(t, len(err.Error()), 300, "error %q", err)
			})
		}
	}
}
