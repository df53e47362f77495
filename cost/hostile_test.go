package cost_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/input/inputtest"
)

// TestHostileNumbersInCatalogue plants each hostile number of issue 10 in
// every number of every embedded price catalogue: each must be refused,
// naming its line and key, within the time bound.
func TestHostileNumbersInCatalogue(t *testing.T) {
	files, err := filepath.Glob("data/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		vs, err := inputtest.Variants(data, inputtest.Hostile, nil)
		require.NoError(t, err)
		require.Greater(t, len(vs), 50, "too few numbers found in %s", file)
		for _, v := range vs {
			t.Run(fmt.Sprintf("%s:%d:%s=%s", filepath.Base(file), v.Line, v.Key, v.Value), func(t *testing.T) {
				start := time.Now()
				_, err := cost.ParseCatalogue(v.Doc)
				elapsed := time.Since(start)
				require.Error(t, err, "%s = %s accepted", v.Key, v.Value)
				assert.Contains(t, err.Error(), fmt.Sprintf("(line %d)", v.Line))
				assert.Contains(t, err.Error(), v.Key)
				assert.Less(t, elapsed, time.Duration(inputtest.Bound))
				assert.LessOrEqual(t, len(err.Error()), 300, "error %q", err)
			})
		}
	}
}
