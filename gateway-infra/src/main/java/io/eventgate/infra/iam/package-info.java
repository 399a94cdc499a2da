/**
 * The two service roles the topology needs on AWS, created only with {@code --manage-iam} and never on a local
 * endpoint: API Gateway's, allowed {@code events:PutEvents} on the bus, and EventBridge's, allowed
 * {@code events:InvokeApiDestination} on the carrier's API destination. Both trust their service principal only for
 * this account, and neither names a {@code *} resource.
 */
package io.eventgate.infra.iam;
