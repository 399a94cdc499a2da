/**
 * orders-service: places orders, publishes {@code OrderCreated} through a transactional outbox, and applies the
 * carrier's events from its SQS inbox. Packages by feature: {@code order} (domain), {@code order.web} (HTTP),
 * {@code order.storage} (DynamoDB), {@code table} (the table layout), {@code outbox}, {@code inbox}, {@code aws}.
 */
package io.eventgate.orders;
