/**
 * API Gateway REST APIs (v1) on the edge: the control plane ({@code control}) the provisioner and the AWS CLI talk
 * to, and the data plane ({@code execute}) that runs deployed routes, with mapping templates ({@code vtl}) and
 * usage-plan enforcement ({@code usage}). {@link io.eventgate.localcloud.apigateway.ApiGatewayService} is the one
 * entry point local-cloud registers.
 */
package io.eventgate.localcloud.apigateway;
