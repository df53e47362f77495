package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/runwhere/runwhere/importer"
)

// importExts are the files a directory's walk reads; a file named on the
// command line is read whatever its name.
var importExts = []string{".yaml", ".yml", ".json"}

// importFiles prints one scenario per service found in the files,
// directories (walked, in name order) and standard input ("-") named.
func importFiles(args []string, stdin io.Reader, stdout io.Writer) error {
	fs := newFlags("import")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("import: name at least one FILE, DIR or - (standard input)")
	}
	// One set, so that an autoscaler finds its Deployment and an ECS
	// service its task definition in another file.
	var set importer.Set
	for _, p := range pos {
		names, err := importNames(p)
		if err != nil {
			return err
		}
		for _, name := range names {
			data, err := readImport(name, stdin)
			if err != nil {
				return err
			}
			if err := set.Add(displayName(name), data); err != nil {
				return err
			}
		}
	}
	all, err := set.Result()
	if err != nil {
		return err
	}
	if _, err := stdout.Write(all.YAML()); err != nil {
		return err
	}
	if len(all.Services) == 0 {
		return fmt.Errorf("import: found no service in %s (each skipped document is listed above)", strings.Join(pos, " "))
	}
	return nil
}

// importNames is p, or the files a directory p holds.
func importNames(p string) ([]string, error) {
	if p == "-" {
		return []string{p}, nil
	}
	info, err := os.Stat(p)
	if err != nil {
		return nil, fileError(p, err)
	}
	if !info.IsDir() {
		return []string{p}, nil
	}
	var out []string
	err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && slices.Contains(importExts, strings.ToLower(filepath.Ext(path))) {
			out = append(out, path)
		}
		return nil
	})
	if err != nil {
		return nil, fileError(p, err)
	}
	return out, nil
}

func readImport(name string, stdin io.Reader) ([]byte, error) {
	return readLimited(name, stdin, importer.MaxFileBytes, func() error {
		return errors.New("import: " + displayName(name) + ": more than " + fmt.Sprint(importer.MaxFileBytes) + " bytes")
	})
}
