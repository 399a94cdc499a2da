/**
 * local-cloud: a Docker-free, account-free stand-in for every AWS API eventgate uses, on one edge port.
 *
 * <p>{@link io.eventgate.localcloud.LocalCloud} starts it (as a process through
 * {@link io.eventgate.localcloud.LocalCloudMain}, or embedded in a test JVM). Sub-packages: {@code edge} (the HTTP
 * port, routing, AWS error shapes) and {@code json} under everything; {@code state} (what {@code --data-dir} keeps);
 * the services {@code dynamodb} and {@code sqs} (DynamoDB Local and ElasticMQ behind the edge), {@code events}
 * (EventBridge) and {@code apigateway} (API Gateway REST APIs), which never import each other but for EventBridge's
 * SQS targets. {@code ArchitectureTest} keeps it so.
 */
package io.eventgate.localcloud;
