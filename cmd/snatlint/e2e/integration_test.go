package e2e_test

import (
	"os"
	"path/filepath"
	"testing"
)

// TestIntegration runs snatlint on testdata/integration, a module that uses
// the real Azure SDK for Go (azidentity, armcompute v6, armresources v1.2,
// azblob), in vet-tool mode and standalone. Both must report exactly the
// lines marked "expect", and so the same set. The SDK's own code decides
// which factory methods build a pipeline (design.md, "Decisions on edge
// cases"), which only a real module shows.
//
// It needs the modules in go.sum: skipped with -short, or when they
// cannot be downloaded outside CI (CI=true makes that a failure).
func TestIntegration(t *testing.T) {
	checkIntegrationModule(t, "integration")
}

// TestSDKIntegration runs snatlint on testdata/sdkintegration, a module
// that uses the real AWS SDK for Go v2 (config, service/s3), gRPC,
// go-redis v9, pgx v5 (pgxpool and its database/sql driver) and the
// MongoDB driver v2, in vet-tool mode and standalone: both must report
// exactly the lines marked "expect", with the levels they name. The rows
// of the catalog meet the real APIs (also the keep-alive settings of
// SNAT008: a transport option function given to the SDK's buildable
// client), and nothing inside the SDKs is reported.
func TestSDKIntegration(t *testing.T) {
	checkIntegrationModule(t, "sdkintegration")
}

// checkIntegrationModule runs snatlint on the module testdata/name in
// vet-tool mode and standalone: both must report exactly the lines marked
// "expect", with the levels they name. It needs the modules in go.sum:
// skipped with -short, or when they cannot be downloaded outside CI
// (CI=true makes that a failure).
func checkIntegrationModule(t *testing.T, name string) {
	if testing.Short() {
		t.Skip("skipping the real-SDK integration test in -short mode")
	}
	dir := filepath.Join(repoRoot(), "testdata", name)
	env := []string{"GOWORK=off", "GOFLAGS=-mod=readonly"}
	if res := run(t, dir, env, "go", "mod", "download"); res.code != 0 {
		msg := "testdata/" + name + ": cannot download its modules (run `go mod download` there with network access): " + res.stderr
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	want, wantLevels := expectationsWithLevels(t, dir, ".go")

	vet, vetDetails := runVet(t, dir, env, "./...")
	diffSites(t, "go vet -vettool=snatlint", vet, want, vetDetails)

	t.Setenv("GOWORK", "off")
	t.Setenv("GOFLAGS", "-mod=readonly")
	standalone, details, levels := runStandaloneLevels(t, dir, "./...")
	diffSites(t, "snatlint standalone", standalone, want, details)
	checkLevels(t, levels, wantLevels)

	diffSites(t, "standalone vs vet", standalone, vet, details)
}
