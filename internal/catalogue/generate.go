package catalogue

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// The files the generator writes, relative to the module root, and the
// hand-checked catalogue it reads.
const (
	InstancesFile = "platform/data/instances.csv"
	PricesFile    = "cost/data/2026-11_ec2.csv"
	TemplateFile  = "cost/data/2026-11_us-east-1.yaml"
	SourcesFile   = "internal/catalogue/sources.yaml"
)

// RegionFile is the generated price catalogue of a region.
func RegionFile(code string) string { return "cost/data/2026-11_" + code + ".yaml" }

// Output is what one run generates: file contents by path relative to the
// module root, and a report of what was left out.
type Output struct {
	Files   map[string][]byte
	Skipped Skipped
	// Priced counts, per region, the current-generation types with a shape
	// and a price.
	Priced map[string]int
	// Current counts the current-generation types in the table.
	Current int
	// Fees is what decoding each management-fee table found.
	Fees []FeeTable
}

// Generate reads the AWS data in data (laid out as shared/data/aws) and
// the project's sources.yaml and us-east-1 catalogue in repo, and returns
// the files to write.
func Generate(data, repo fs.FS) (*Output, error) {
	raw, err := fs.ReadFile(repo, SourcesFile)
	if err != nil {
		return nil, err
	}
	src, err := ParseSources(raw)
	if err != nil {
		return nil, err
	}
	tplRaw, err := fs.ReadFile(repo, TemplateFile)
	if err != nil {
		return nil, err
	}
	tpl, err := cost.ParseCatalogue(TemplateFile, tplRaw)
	if err != nil {
		return nil, err
	}
	if tpl.Fargate == nil || tpl.Fargate.EphemeralGBHour == nil || tpl.APIGateway == nil || tpl.ECSControlPlane == nil ||
		tpl.Lambda == nil || tpl.Lambda.ProvisionedRoundingMinutes == nil || tpl.EKS == nil || tpl.EC2 == nil {
		return nil, fmt.Errorf("%s: lacks a section the generator copies (fargate.ephemeral_gb_hour, api_gateway, ecs_control_plane, lambda.provisioned_rounding_minutes, eks, ec2)", TemplateFile)
	}

	specs, err := ReadSpecs(data)
	if err != nil {
		return nil, err
	}
	nets, err := ReadNetwork(data)
	if err != nil {
		return nil, err
	}
	pods, err := ReadMaxPods(data)
	if err != nil {
		return nil, err
	}
	ecs, err := ReadECSTasks(data)
	if err != nil {
		return nil, err
	}
	useast1, err := ReadOnDemand(data)
	if err != nil {
		return nil, err
	}
	page, err := ReadEC2Regional(data)
	if err != nil {
		return nil, err
	}
	pm := &prices{src: src, files: map[string]*PriceMap{}}
	for _, name := range []string{"ecs.json", "lambda.json", "eks.json", "apigateway.json", "natgateway.json"} {
		if pm.files[name], err = ReadPriceMap(data, name); err != nil {
			return nil, err
		}
	}
	if err := pm.readAddons(data); err != nil {
		return nil, err
	}
	for _, name := range []string{"ec2-specs.csv", "ec2-network.csv", "eks-max-pods.txt", "ecs-eni-trunking.csv", "ec2-ondemand-us-east-1.csv", "ec2-transformed.json", "ecs.json", "lambda.json", "eks.json", "apigateway.json", "natgateway.json"} {
		if src.Files[name].URL == "" {
			return nil, fmt.Errorf("%s: no source URL for %s", SourcesFile, name)
		}
	}

	out := &Output{Files: map[string][]byte{}, Priced: map[string]int{}}
	table := buildInstances(src, specs, nets, pods, ecs, &out.Skipped)
	for t := range useast1 {
		if _, ok := specs[t]; !ok {
			out.Skipped.NoShape = append(out.Skipped.NoShape, t)
		}
	}
	out.Skipped.NoShape = dedupe(out.Skipped.NoShape)
	priceRows := buildPrices(src, table, useast1, page, &out.Skipped)
	prev := map[string]bool{}
	for _, in := range table {
		if !in.PreviousGeneration {
			out.Current++
		} else {
			prev[in.Type] = true
		}
	}
	for _, p := range priceRows {
		if !prev[p.Type] {
			out.Priced[p.Region]++
		}
	}
	out.Files[InstancesFile] = writeInstances(src, table)
	out.Files[PricesFile] = writePrices(src, priceRows)
	if out.Files[FeesFile], out.Fees, err = buildFees(data, src, useast1, page); err != nil {
		return nil, err
	}

	if err := pm.checkUSEast1(tpl); err != nil {
		return nil, err
	}
	for _, r := range src.Regions {
		if r.Code == "us-east-1" {
			continue // the hand-checked template, checked above
		}
		b, err := pm.writeRegion(tpl, r.Code, r.Location)
		if err != nil {
			return nil, err
		}
		out.Files[RegionFile(r.Code)] = b
	}
	return out, nil
}

// Write writes the output's files under root.
func (o *Output) Write(root string) error {
	for _, name := range o.Names() {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, o.Files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Names lists the output's files in order.
func (o *Output) Names() []string {
	return slices.Sorted(maps.Keys(o.Files))
}

// Report is a human summary of what was generated and left out.
func (o *Output) Report() string {
	var b strings.Builder
	fmt.Fprintf(&b, "current-generation types with a shape: %d\n", o.Current)
	regions := slices.Sorted(maps.Keys(o.Priced))
	for _, r := range regions {
		fmt.Fprintf(&b, "  priced in %s: %d\n", r, o.Priced[r])
	}
	s := o.Skipped
	list := func(what string, l []string) {
		if len(l) > 0 {
			sort.Strings(l)
			fmt.Fprintf(&b, "%s (%d): %s\n", what, len(l), strings.Join(l, " "))
		}
	}
	list("left out, no vCPU/memory in ec2-specs.csv", s.NoShape)
	list("us-east-1 metal price flagged dedicated, no shared price: absent", s.DedicatedMetal)
	list("us-east-1 metal price flagged dedicated, page JSON's shared price used", s.SharedMetal)
	list("ECS figure below zero dropped", s.ECSNegative)
	list("ECS with-trunking figure below without-trunking dropped", s.ECSTrunkBelow)
	list("ECS with-trunking figure dropped, the guide says the type does not trunk", s.ECSUnsupported)
	list("max pods file differs from the ENI formula (file kept)", s.PodsDisagreement)
	reportFees(&b, o.Fees)
	return b.String()
}

func dedupe(l []string) []string {
	sort.Strings(l)
	out := l[:0]
	for i, s := range l {
		if i == 0 || s != l[i-1] {
			out = append(out, s)
		}
	}
	return out
}

func mustDate(s string) platform.Date {
	d, err := platform.ParseDate(s)
	if err != nil {
		panic(errors.New("catalogue: " + err.Error())) // ReadPriceMap checked the form
	}
	return d
}
