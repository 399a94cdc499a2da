/**
 * The AWS clients only orders-service needs (EventBridge, DynamoDB Streams), built the Spring Cloud AWS way on
 * service-aws's shared {@code eventgate.aws.*} wiring.
 */
package io.eventgate.orders.aws;
