/**
 * API Gateway's data plane at {@code /_aws/execute-api/{apiId}/{stage}/{path}}: resource and method resolution, API
 * keys and usage plans, request validation, integrations (AWS → EventBridge PutEvents, HTTP, HTTP_PROXY, MOCK),
 * mapping templates and integration responses, with AWS's status codes and error bodies for every refusal.
 */
package io.eventgate.localcloud.apigateway.execute;
