package cost

// InstanceFee is a stand-in until the generated fee tables land (branch
// i24-fees): no table prices anything yet.
func (c *Catalogue) InstanceFee(table, instanceType string) (Figure, error) {
	return Figure{}, fieldErr("instance_type", instanceType, "has no sourced "+table+" fee")
}
