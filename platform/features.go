package platform

import "fmt"

// Feature is one typed fact about how a platform deploys and operates
// workloads, with its source. T is a small enumeration or a bool.
type Feature[T comparable] struct {
	Value  T `yaml:"value" json:"value"`
	Source `yaml:",inline"`
}

// Features are the deployment and operations properties the 2017 deck
// compares, as typed fields rather than prose.
type Features struct {
	RollingUpdates   Feature[bool]         `yaml:"rolling_updates" json:"rolling_updates"`
	Secrets          Feature[Support]      `yaml:"secrets" json:"secrets"`
	ServiceDiscovery Feature[Discovery]    `yaml:"service_discovery" json:"service_discovery"`
	LoadBalancing    Feature[LoadBalancer] `yaml:"load_balancing" json:"load_balancing"`
	Autoscaling      Feature[Autoscaling]  `yaml:"autoscaling" json:"autoscaling"`
	ConfigFormat     Feature[ConfigFormat] `yaml:"config_format" json:"config_format"`
	CLI              Feature[CLI]          `yaml:"cli" json:"cli"`
	// CreatesAWSResources: the platform creates the load balancers and other
	// AWS resources it needs (the deck's "AWS resources need to be
	// pre-created?" row, inverted).
	CreatesAWSResources Feature[bool] `yaml:"creates_aws_resources" json:"creates_aws_resources"`
	// NativeLibraries: whether a workload can bring its own native (C)
	// libraries and system packages.
	NativeLibraries Feature[Support]     `yaml:"native_libraries" json:"native_libraries"`
	Portability     Feature[Portability] `yaml:"portability" json:"portability"`
}

// Support grades a capability.
type Support string

const (
	NoSupport      Support = "none"
	LimitedSupport Support = "limited"
	FullSupport    Support = "full"
)

// Discovery names how services find each other.
type Discovery string

const (
	DiscoveryDNS        Discovery = "dns"         // built-in DNS names only
	DiscoveryDNSAndVIP  Discovery = "dns-and-vip" // built-in DNS plus virtual IPs / env vars
	DiscoveryCloudMap   Discovery = "cloud-map"   // AWS Cloud Map / Service Connect
	DiscoveryThirdParty Discovery = "third-party" // needs e.g. Consul
	DiscoveryConsul     Discovery = "consul"      // integrates with Consul by design
	DiscoveryURL        Discovery = "url"         // functions are called by URL or ARN
)

// LoadBalancer names how a platform integrates with cloud load balancers.
type LoadBalancer string

const (
	LBOnePerCluster LoadBalancer = "one-per-cluster" // one ELB in front of a routing mesh
	LBPerService    LoadBalancer = "per-service"     // a cloud LB per service, via a controller
	LBNativeALB     LoadBalancer = "native-alb"      // target groups registered by the platform
	LBExternal      LoadBalancer = "external"        // bring your own (e.g. Fabio, Traefik)
	LBAPIGateway    LoadBalancer = "api-gateway"     // API Gateway / function URLs / ALB targets
)

// Autoscaling names which autoscaling a platform offers itself.
type Autoscaling string

const (
	AutoscalingNone       Autoscaling = "none"     // replicas are set by hand
	AutoscalingServices   Autoscaling = "services" // replicas scale; machines by other means
	AutoscalingServiceAnd Autoscaling = "services-and-nodes"
	AutoscalingAutomatic  Autoscaling = "automatic" // per request, no configuration
)

// ConfigFormat names the format workloads are described in.
type ConfigFormat string

const (
	FormatCompose        ConfigFormat = "docker-compose"
	FormatKubernetes     ConfigFormat = "kubernetes-manifest"
	FormatTaskDefinition ConfigFormat = "ecs-task-definition"
	FormatHCL            ConfigFormat = "nomad-hcl"
	FormatFunction       ConfigFormat = "function-configuration"
)

// CLI says where the management CLI must run.
type CLI string

const (
	CLIManagerNode CLI = "manager-node" // on a manager, or with its socket forwarded
	CLIAnywhere    CLI = "anywhere"     // anywhere with network access to the API server
	CLIAWSAPI      CLI = "aws-api"      // the AWS API, from anywhere with credentials
)

// Portability says where the same configuration runs.
type Portability string

const (
	PortableAnywhere Portability = "any-infrastructure"
	PortableAWSOnly  Portability = "aws-only"
)

var enums = map[string][]string{
	"support":      {string(NoSupport), string(LimitedSupport), string(FullSupport)},
	"discovery":    {string(DiscoveryDNS), string(DiscoveryDNSAndVIP), string(DiscoveryCloudMap), string(DiscoveryThirdParty), string(DiscoveryConsul), string(DiscoveryURL)},
	"loadbalancer": {string(LBOnePerCluster), string(LBPerService), string(LBNativeALB), string(LBExternal), string(LBAPIGateway)},
	"autoscaling":  {string(AutoscalingNone), string(AutoscalingServices), string(AutoscalingServiceAnd), string(AutoscalingAutomatic)},
	"configformat": {string(FormatCompose), string(FormatKubernetes), string(FormatTaskDefinition), string(FormatHCL), string(FormatFunction)},
	"cli":          {string(CLIManagerNode), string(CLIAnywhere), string(CLIAWSAPI)},
	"portability":  {string(PortableAnywhere), string(PortableAWSOnly)},
	"kind":         {string(Orchestrator), string(Serverless)},
	"reservation":  {string(ReserveEKS), string(ReserveKubelet), string(ReserveECS), string(ReserveNone)},
	"operator":     {string(User), string(AWS)},
	"enforcement":  {string(Hard), string(Envelope), string(Quota)},
	"consensus":    {string(Raft), string(Managed)},
}

// enumName maps each enumeration type to its key in enums; the validator
// uses it to check every typed string a catalogue holds.
func enumName(v any) (string, bool) {
	switch v.(type) {
	case Support:
		return "support", true
	case Discovery:
		return "discovery", true
	case LoadBalancer:
		return "loadbalancer", true
	case Autoscaling:
		return "autoscaling", true
	case ConfigFormat:
		return "configformat", true
	case CLI:
		return "cli", true
	case Portability:
		return "portability", true
	case Kind:
		return "kind", true
	case NodeReservation:
		return "reservation", true
	case Operator:
		return "operator", true
	case Enforcement:
		return "enforcement", true
	case Consensus:
		return "consensus", true
	}
	return "", false
}

func checkEnum(v any, s string) error {
	name, ok := enumName(v)
	if !ok {
		return nil
	}
	if _, optional := v.(NodeReservation); optional && s == "" {
		return nil // validate requires it where it applies
	}
	for _, allowed := range enums[name] {
		if s == allowed {
			return nil
		}
	}
	return fmt.Errorf("not one of %v", enums[name])
}
