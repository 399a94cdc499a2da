/**
 * The gateway stack: gateway-infra's description of the gateway translated resource by resource into CDK constructs
 * ({@link io.eventgate.deploy.gateway.EventGateway}), the partner secrets, and the alarms on the gateway.
 */
package io.eventgate.deploy.gateway;
