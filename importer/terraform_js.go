//go:build js

package importer

// services in the browser: a plan is listed as skipped, for the command
// line to read (see plan).
func (p *plan) services() ([]Service, error) {
	p.skipped = append(p.skipped, Skipped{File: p.file, Kind: "Terraform plan", Reason: "is read by the command line (runwhere import), not in the browser, whose build leaves the plan reader out to stay small"})
	return nil, nil
}
