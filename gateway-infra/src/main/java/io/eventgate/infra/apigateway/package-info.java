/**
 * The API Gateway REST API partners POST events to: the API, the envelope model and body validator, the {@code /events}
 * resource and its {@code POST} method, the AWS integration calling {@code PutEvents}, the stage deployment, and the
 * carrier's API key with its usage plan.
 */
package io.eventgate.infra.apigateway;
