package io.eventgate.orders.order.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One page of orders; pass {@code nextCursor} as {@code cursor} to get the next one (absent on the last page). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OrderPageResponse(List<OrderResponse> items, String nextCursor) {
}
