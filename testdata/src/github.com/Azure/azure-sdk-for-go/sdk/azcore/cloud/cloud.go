// Package cloud is a stub of sdk/azcore/cloud.
package cloud

type ServiceName string

type ServiceConfiguration struct{ Audience, Endpoint string }

type Configuration struct {
	ActiveDirectoryAuthorityHost string
	Services                     map[ServiceName]ServiceConfiguration
}

const ResourceManager ServiceName = "resourceManager"

var AzurePublic = Configuration{ActiveDirectoryAuthorityHost: "https://login.microsoftonline.com/"}
