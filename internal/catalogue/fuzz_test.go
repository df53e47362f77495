package catalogue_test

import (
	"os"
	"testing"
	"testing/fstest"

	"github.com/runwhere/runwhere/internal/catalogue"
)

// FuzzReaders hands each reader of the generator's sources arbitrary text
// as its file: an error, never a panic.
func FuzzReaders(f *testing.F) {
	for _, name := range []string{"ec2-specs.csv", "ec2-network.csv", "eks-max-pods.txt", "ec2-ondemand-us-east-1.csv", "ecs-eni-trunking.csv", "ec2-transformed.json", "lambda.json", "ecs.json"} {
		data, err := os.ReadFile("testdata/aws/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Fuzz(func(t *testing.T, doc string) {
		fsys := fstest.MapFS{}
		for _, name := range []string{"ec2-specs.csv", "ec2-network.csv", "eks-max-pods.txt", "ec2-ondemand-us-east-1.csv", "ecs-eni-trunking.csv", "ec2-transformed.json", "x.json"} {
			fsys[name] = &fstest.MapFile{Data: []byte(doc)}
		}
		_, _ = catalogue.ReadSpecs(fsys)
		_, _ = catalogue.ReadNetwork(fsys)
		_, _ = catalogue.ReadMaxPods(fsys)
		_, _ = catalogue.ReadOnDemand(fsys)
		_, _ = catalogue.ReadECSTasks(fsys)
		_, _ = catalogue.ReadEC2Regional(fsys)
		if pm, err := catalogue.ReadPriceMap(fsys, "x.json"); err == nil {
			_, _ = pm.Rate("x.json", "US East (N. Virginia)", "Lambda Requests")
		}
		_, _ = catalogue.ReadHashedRates(fsys, "x.json")
	})
}
