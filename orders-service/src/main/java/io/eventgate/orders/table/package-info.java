/**
 * The {@code orders} DynamoDB table: one table holding orders, their outbox records, idempotency claims and the
 * ids of applied inbound events, told apart by the prefix of the partition key {@code pk}. Keeping them in one
 * table lets a single {@code TransactWriteItems} cover an order and its outbox record.
 *
 * <p>Its layout — keys, indexes, TTL and stream — is described once, in {@code eventgate/tables/orders.yaml}, which
 * {@link io.eventgate.orders.table.TableCreator} (local runs) and gateway-infra (everywhere else) create it from.
 * Every item is read and written through the enhanced client's bean schemas ({@code *Item}).
 */
package io.eventgate.orders.table;
