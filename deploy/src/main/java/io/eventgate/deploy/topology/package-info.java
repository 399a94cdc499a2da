/**
 * gateway-infra's description of the gateway, loaded for AWS: the one source the CDK stack is built from, and the
 * stand-in account and region its conventional ARNs are computed for.
 */
package io.eventgate.deploy.topology;
