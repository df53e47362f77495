package cost

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/runwhere/runwhere/platform"
)

//go:embed data/*.yaml data/*.csv
var embedded embed.FS

type catalogueKey struct {
	snapshot platform.SnapshotID
	region   string
}

var loadEmbedded = sync.OnceValues(func() (map[catalogueKey]*Catalogue, error) {
	list, err := LoadCatalogues(embedded, "data")
	if err != nil {
		return nil, err
	}
	out := make(map[catalogueKey]*Catalogue, len(list))
	for _, c := range list {
		out[catalogueKey{c.Snapshot, c.Region}] = c
	}
	return out, nil
})

// LoadCatalogues parses every *.yaml file of dir in fsys as a catalogue,
// in file-name order, each named in its errors by its path in fsys; two
// files for the same snapshot and region are an error. A file named
// <snapshot>_ec2.csv is a generated table of instance prices
// ([ParseInstancePrices]): each region's prices go to that snapshot's
// catalogue of the region, which must exist and must not price the same
// type in its YAML. A file named <snapshot>_fees.csv is a generated table
// of management fees ([ParseInstanceFees]), attached the same way
// ([Catalogue.InstanceFee]).
func LoadCatalogues(fsys fs.FS, dir string) ([]*Catalogue, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("cost: reading catalogues: %w", err)
	}
	var out []*Catalogue
	seen := make(map[catalogueKey]bool)
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".yaml") {
			continue
		}
		name := path.Join(dir, e.Name())
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("cost: reading %s: %w", name, err)
		}
		c, err := ParseCatalogue(name, data)
		if err != nil {
			return nil, err
		}
		k := catalogueKey{c.Snapshot, c.Region}
		if seen[k] {
			return nil, fmt.Errorf("cost: %s: snapshot %q region %q is defined twice", name, c.Snapshot, c.Region)
		}
		seen[k] = true
		out = append(out, c)
	}
	for _, e := range entries {
		pricesOf, isPrices := strings.CutSuffix(e.Name(), "_ec2.csv")
		feesOf, isFees := strings.CutSuffix(e.Name(), "_fees.csv")
		if e.IsDir() || !isPrices && !isFees {
			continue
		}
		name := path.Join(dir, e.Name())
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("cost: reading %s: %w", name, err)
		}
		if isPrices {
			table, err := ParseInstancePrices(name, data)
			if err == nil {
				err = attachPrices(name, platform.SnapshotID(pricesOf), table, out)
			}
			if err != nil {
				return nil, err
			}
			continue
		}
		fees, err := ParseInstanceFees(name, data)
		if err == nil {
			err = attachFees(name, platform.SnapshotID(feesOf), fees, out)
		}
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// attachPrices gives each catalogue of snapshot its region's prices from
// a generated table. A region without a catalogue, or a type priced both
// in the table and in a catalogue's YAML, is an error: every price has
// one home.
func attachPrices(name string, snapshot platform.SnapshotID, table InstancePrices, cats []*Catalogue) error {
	regions, err := ec2Sections(name, "prices region", snapshot, table.Regions(), cats)
	if err != nil {
		return err
	}
	for _, r := range table.Regions() {
		c := regions[r]
		for t := range c.EC2.Instances {
			if table.region(r).has(t) {
				return fmt.Errorf("cost: %s: %s in %s is also priced in the catalogue's YAML: a price has one home", name, t, r)
			}
		}
		c.EC2.listed = table.region(r)
	}
	return nil
}

// ec2Sections are the catalogues of snapshot, by region, for the regions
// of a generated table (what it does to them, "prices region"): a region
// with no catalogue, or whose catalogue has no ec2 section to hold the
// table, is an error.
func ec2Sections(name, what string, snapshot platform.SnapshotID, regions []string, cats []*Catalogue) (map[string]*Catalogue, error) {
	bySnapshot := map[string]*Catalogue{}
	for _, c := range cats {
		if c.Snapshot == snapshot {
			bySnapshot[c.Region] = c
		}
	}
	out := make(map[string]*Catalogue, len(regions))
	for _, r := range regions {
		c, ok := bySnapshot[r]
		if !ok {
			return nil, fmt.Errorf("cost: %s: %s %q, which has no %s catalogue", name, what, r, snapshot)
		}
		if c.EC2 == nil {
			return nil, fmt.Errorf("cost: %s: %s %q, whose %s catalogue has no ec2 section (billing rules)", name, what, r, snapshot)
		}
		out[r] = c
	}
	return out, nil
}

// LoadFS parses every *.yaml file of dir in fsys as a catalogue.
//
// Deprecated: use [LoadCatalogues].
func LoadFS(fsys fs.FS, dir string) ([]*Catalogue, error) { return LoadCatalogues(fsys, dir) }

// EmbeddedCatalogue returns the built-in catalogue of a snapshot and
// region (the zero snapshot means [platform.Newest], "" [DefaultRegion]).
// The result is a deep copy: changing it cannot reach the next caller or an
// evaluation under way.
func EmbeddedCatalogue(snapshot platform.SnapshotID, region string) (*Catalogue, error) {
	if snapshot == "" {
		snapshot = platform.Newest
	}
	if region == "" {
		region = DefaultRegion
	}
	all, err := loadEmbedded()
	if err != nil {
		return nil, err
	}
	c, ok := all[catalogueKey{snapshot, region}]
	if !ok {
		if !slices.Contains(Snapshots(), snapshot) {
			return nil, fieldErr("snapshot", snapshot.String(), "is not a known snapshot (2017-12, 2026-11)")
		}
		return nil, fieldErr("region", region, fmt.Sprintf("has no built-in prices for snapshot %s: the regions are %s", snapshot, strings.Join(Regions(snapshot), ", ")))
	}
	return c.Clone(), nil
}

// Regions lists the regions with built-in prices for a snapshot (the zero
// snapshot means [platform.Newest]), DefaultRegion first, then in name order.
func Regions(snapshot platform.SnapshotID) []string {
	if snapshot == "" {
		snapshot = platform.Newest
	}
	all, err := loadEmbedded()
	if err != nil {
		return nil
	}
	var out []string
	for k := range all {
		if k.snapshot == snapshot {
			out = append(out, k.region)
		}
	}
	slices.SortFunc(out, func(a, b string) int {
		switch {
		case a == b:
			return 0
		case a == DefaultRegion:
			return -1
		case b == DefaultRegion:
			return 1
		}
		return strings.Compare(a, b)
	})
	return out
}

// Embedded returns the built-in catalogue of a snapshot and region.
//
// Deprecated: use [EmbeddedCatalogue].
func Embedded(snapshot, region string) (*Catalogue, error) {
	return EmbeddedCatalogue(platform.SnapshotID(snapshot), region)
}

// Snapshots lists the snapshots with built-in catalogues, oldest first.
func Snapshots() []platform.SnapshotID {
	return []platform.SnapshotID{platform.Snapshot2017, platform.Snapshot2026}
}
