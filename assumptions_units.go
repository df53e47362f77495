package runwhere

// The units of a front door's meters (issue 25, correction 4) that no AWS
// source settles, on show in assumptions[] with their effect.

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/cost"
)

// SourceModel is the source of an assumption of runwhere's model rather
// than of the scenario: a unit or a rule no AWS source settles.
const SourceModel = "model"

// decimalGBRatio is what an LCU line of processed bytes would become if
// AWS's GB were 10⁶ KB (10⁹ bytes, KB of 10³) rather than 2²⁰ KB
// ([cost.KBPerGB]): 1,048,576 ÷ 1,000,000, exact.
var decimalGBRatio = decimal.NewFromInt(cost.KBPerGB).Div(decimal.NewFromInt(1_000_000))

// unitGuesses are the model's unsettled units the scenario's front doors
// rest on: an ALB's GB when processed bytes decide its LCUs, and an HTTP
// API's 512 KB increments counting request and response together when
// the two together pass 512 KB.
func unitGuesses(e *env, r *Report) []assumption {
	out := freeEgressGuess(e)
	in := e.s.Ingress
	if in == nil {
		return out
	}
	// The platform whose ALB's processed-byte LCUs cost most: the effect
	// on the largest line, worked out.
	var line CostLine
	var name string
	for _, p := range r.Platforms {
		for _, l := range p.CostLines {
			if strings.Contains(l.Item, "LCUs (processed bytes)") && l.Amount.GreaterThan(line.Amount) {
				line, name = l, p.Name
			}
		}
	}
	if name != "" {
		alt := line.Amount.Mul(decimalGBRatio)
		out = append(out, assumption{Assumption: Assumption{
			Field: "alb.processed_bytes_gb", Value: "2³⁰ bytes (1,048,576 KB)", Source: SourceModel,
			Effect: fmt.Sprintf("No AWS source says which GB an LCU's processed bytes (requests and responses) are counted in. In decimal GB (10⁶ KB) each such LCU line is %s times as large: on %s, %s instead of %s a month.",
				decimalGBRatio, name, money(alt), money(line.Amount)),
		}})
	}
	if in.ResponseKB != nil && (in.Lambda == IngressHTTPAPI || in.Servers == "api-gateway-http") {
		kb := *in.ResponseKB
		effect := "AWS meters an HTTP API request in 512 KB increments without saying whether the response counts; runwhere counts request and response together (ingress.response_kb)."
		if kb.GreaterThan(decimal.NewFromInt(cost.HTTPAPIIncrementKB)) {
			effect += fmt.Sprintf(" At %s KB a request counts as %s; counted on the request alone it could count as one.", kb, kb.Div(decimal.NewFromInt(cost.HTTPAPIIncrementKB)).Ceil())
		} else {
			effect += fmt.Sprintf(" At %s KB, under 512 KB, it changes nothing.", kb)
		}
		out = append(out, assumption{Assumption: Assumption{
			Field: "api_gateway.http_increment", Value: "request + response in 512 KB increments", Source: SourceModel, Effect: effect,
		}})
	}
	return out
}

// freeEgressGuess is the free 100 GB of data out, the account's across
// every service and region, which runwhere gives to this service alone:
// if the account's other traffic uses it, every platform's month grows by
// the GB it covered at the first tier's price.
func freeEgressGuess(e *env) []assumption {
	gb := e.s.internetEgressGB()
	if !gb.IsPositive() || e.prices == nil || e.prices.DataTransfer == nil || len(e.prices.DataTransfer.InternetOut) == 0 {
		return nil
	}
	d := e.prices.DataTransfer
	covered := decimal.Min(gb, d.FreeInternetGB.Value)
	more := covered.Mul(d.InternetOut[0].Value)
	return []assumption{{Assumption: Assumption{
		Field: "data_transfer.free_internet_gb", Value: d.FreeInternetGB.Value.String() + " GB a month, all to this service", Source: SourceModel,
		Effect: fmt.Sprintf("AWS's free data out is the account's, across every service and region. If other traffic of the account uses it, every platform's month is %s more (%s GB × %s a GB): the ranking does not change.",
			money(more), covered, money(d.InternetOut[0].Value)),
	}}}
}
