package importer

import "gopkg.in/yaml.v3"

// isPlan says whether doc is what "terraform show -json PLANFILE" prints
// (https://developer.hashicorp.com/terraform/internals/json-format).
func isPlan(doc *yaml.Node) bool {
	return get(doc, "format_version") != nil && (get(doc, "planned_values") != nil || get(doc, "resource_changes") != nil)
}

// plan reads a Terraform plan with hashicorp/terraform-json: every
// aws_lambda_function and aws_ecs_task_definition of the planned values,
// in any module, is a service. A value Terraform knows only after apply
// is listed as not found. The browser's build leaves the reader out
// (terraform_js.go): terraform-json and go-cty would weigh more than the
// page's whole import.
type plan struct {
	file    string
	data    []byte
	skipped []Skipped
}
