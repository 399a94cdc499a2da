/**
 * The {@code orders} DynamoDB table: one table holding orders, their outbox records, idempotency claims and the
 * ids of applied inbound events, told apart by the prefix of the partition key {@code pk}. Keeping them in one
 * table lets a single {@code TransactWriteItems} cover an order and its outbox record.
 *
 * <p>Layout (what the provisioner creates too): partition key {@code pk} (S), no sort key; GSI
 * {@code status-index} ({@code status} S, {@code createdAt} S, projection ALL) for listing orders by status; sparse
 * GSI {@code outbox-pending-index} ({@code outboxState} S, {@code createdAt} S, KEYS_ONLY) holding only unpublished
 * outbox records; TTL attribute {@code expiresAt} (idempotency claims and inbox marks expire, orders never do); a
 * stream of new images ({@code NEW_IMAGE}), which every instance follows for the live order updates.
 */
package io.eventgate.orders.table;
