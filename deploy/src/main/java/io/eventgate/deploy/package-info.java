/**
 * The production deployment as code: an AWS CDK app with a gateway stack, built from gateway-infra's description of
 * the gateway, and a services stack running both services on ECS Fargate.
 */
package io.eventgate.deploy;
