/**
 * API Gateway's control plane: the REST-JSON operations under {@code /restapis}, {@code /apikeys},
 * {@code /usageplans} and {@code /tags}, and the store that keeps APIs, deployments, stages, keys and usage plans.
 */
package io.eventgate.localcloud.apigateway.control;
