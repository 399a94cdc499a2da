/**
 * API Gateway mapping templates: VTL rendered by Apache Velocity, with the {@code $input} and {@code $util}
 * objects API Gateway provides and a small JSONPath for {@code $input.path} / {@code $input.json}.
 */
package io.eventgate.localcloud.apigateway.vtl;
