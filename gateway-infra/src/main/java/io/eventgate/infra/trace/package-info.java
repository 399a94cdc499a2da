/**
 * {@code gateway-infra trace}: one order's journey across every hop, put together from what the running stack says
 * about it — orders-service's journey of the order, the carrier's shipment and reports, and local-cloud's delivery
 * log — with the time of each hop, the time between hops, and where an order that stopped is stuck.
 */
package io.eventgate.infra.trace;
