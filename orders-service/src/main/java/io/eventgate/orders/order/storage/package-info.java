/** The {@link io.eventgate.orders.order.Orders} port on the DynamoDB {@code orders} table (enhanced client). */
package io.eventgate.orders.order.storage;
