/**
 * The order feature's domain: the {@link io.eventgate.orders.order.Order} aggregate with its state machine,
 * the {@link io.eventgate.orders.order.OrderService} use cases, and the {@link io.eventgate.orders.order.Orders}
 * storage port. Nothing here knows about AWS: a boundary test keeps SDK types out.
 */
package io.eventgate.orders.order;
