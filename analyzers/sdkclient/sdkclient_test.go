package sdkclient_test

import (
	"testing"

	"github.com/snatlint/snatlint/analyzers/httpclient"
	"github.com/snatlint/snatlint/analyzers/internal/fixtures"
	"github.com/snatlint/snatlint/analyzers/sdkclient"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestValidate(t *testing.T) {
	if err := analysis.Validate([]*analysis.Analyzer{sdkclient.Analyzer}); err != nil {
		t.Fatal(err)
	}
}

// TestGoogleCloudFacts: a Google Cloud client has no row; the facts
// follow storage.NewClient to the transport it clones (SNAT001, reported
// by httpclient with the chain), and sdkclient says nothing there.
func TestGoogleCloudFacts(t *testing.T) {
	t.Parallel()
	fixtures.BoundedMessages(t, analysistest.Run(t, fixtures.Dir(t), httpclient.Analyzer, "sdk/gcp"))
}

// TestAWS: every AWS row in a handler, in a loop and through a helper;
// the shared-pool warnings; the silent twins built once.
func TestAWS(t *testing.T) {
	t.Parallel()
	fixtures.BoundedMessages(t, analysistest.Run(t, fixtures.Dir(t), sdkclient.Analyzer, "sdk/aws", "sdk/awssilent"))
}
