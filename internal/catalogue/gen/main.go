// Command gen regenerates runwhere's 2026-11 AWS catalogue from the public
// data in shared/data/aws: the instance table (platform/data/instances.csv),
// EC2 prices in six regions (cost/data/2026-11_ec2.csv), the EKS Auto Mode
// and ECS Managed Instances fees per instance-hour decoded from AWS's
// hashed rates (cost/data/2026-11_fees.csv) and the other five regions'
// price catalogues (cost/data/2026-11_<region>.yaml).
//
//	go run ./internal/catalogue/gen -data ../shared/data/aws
//
// Run it from the module root. It prints what it generated and what the
// data lacks.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/runwhere/runwhere/internal/catalogue"
)

func main() {
	data := flag.String("data", "../shared/data/aws", "directory holding the AWS data files (see its MANIFEST.md)")
	root := flag.String("root", ".", "module root to write into")
	flag.Parse()
	out, err := catalogue.Generate(os.DirFS(*data), os.DirFS(*root))
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := out.Write(*root); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	for _, name := range out.Names() {
		fmt.Printf("wrote %s (%d bytes)\n", name, len(out.Files[name]))
	}
	fmt.Print(out.Report())
}
