package cost

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// APIGateway is a kind of Amazon API Gateway API in front of a function.
type APIGateway string

// The API Gateway APIs priced.
const (
	HTTPAPI APIGateway = "http" // billed per request in 512 KB increments
	RESTAPI APIGateway = "rest" // billed per request
)

// HTTPAPIIncrementKB is the metering increment of an HTTP API request:
// "Requests are metered in increments of 512 KB"
// (https://aws.amazon.com/api-gateway/pricing/; AWS's whitepaper on
// private APIs says the same, "HTTP APIs are metered in 512 KB
// increments"). Neither says whether a response counts towards a
// request's size. runwhere counts request and response together, the
// larger count; the report lists it in assumptions[]
// (api_gateway.http_increment), which says when it matters: only when the
// two together pass 512 KB.
const HTTPAPIIncrementKB = 512

// APIGatewayTerm is API Gateway's charge as a [Term] of a tariff over
// monthly requests: its request tiers of the catalogue's region, counted
// from the first request of the month (the tiers are the account's in the
// region: one API alone in it), each request counting as many metered
// requests as its payload (request plus response, payloadKB) has started
// 512 KB increments on an HTTP API, and as one on a REST API. API
// Gateway's free tier (12 months for new accounts) is not counted.
func APIGatewayTerm(c *Catalogue, api APIGateway, payloadKB decimal.Decimal) (Term, error) {
	if c == nil || c.APIGateway == nil {
		return Term{}, fieldErr("api_gateway", snapshotOf(c), "is not priced in this catalogue")
	}
	if err := checkDecimals(namedDecimal{"api_gateway.payload_kb", payloadKB}); err != nil {
		return Term{}, err
	}
	if payloadKB.IsNegative() {
		return Term{}, fieldErr("api_gateway.payload_kb", payloadKB.String(), "is negative")
	}
	var tiers []RequestTier
	per := dOne
	label := ""
	switch api {
	case HTTPAPI:
		tiers, label = c.APIGateway.HTTP, "api gateway http api"
		if n := payloadKB.Div(decimal.NewFromInt(HTTPAPIIncrementKB)).Ceil(); n.GreaterThan(dOne) {
			per = n
		}
	case RESTAPI:
		tiers, label = c.APIGateway.REST, "api gateway rest api"
	default:
		return Term{}, fieldErr("api_gateway.api", string(api), "is not http or rest")
	}
	if len(tiers) == 0 {
		return Term{}, fieldErr("api_gateway."+string(api), c.Region, "has no sourced request prices in this catalogue")
	}
	bands := make([]Band, len(tiers))
	for i, t := range tiers {
		bands[i] = Band{Item: label + " requests", Price: t.Value}
		if len(tiers) > 1 {
			bands[i].Item = label + " requests (tier " + strconv.Itoa(i+1) + ")"
		}
		if t.UpToRequests != nil {
			up := *t.UpToRequests
			bands[i].UpTo = &up
		}
	}
	return Term{Meter: Meter{Unit: "request", Bands: bands}, Per: per}, nil
}
