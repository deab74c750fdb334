package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
)

var awsCfg, _ = config.LoadDefaultConfig(context.Background())

var _ aws.Config = awsCfg
