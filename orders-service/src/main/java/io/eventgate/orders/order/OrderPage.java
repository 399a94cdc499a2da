package io.eventgate.orders.order;

import java.util.List;
import java.util.Optional;

/** One page of a listing; {@code nextCursor} is present when more may follow. */
public record OrderPage(List<Order> orders, Optional<String> nextCursor) {

    public OrderPage {
        orders = List.copyOf(orders);
    }
}
