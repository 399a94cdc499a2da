/** Products the carrier handles: discontinuing one cancels the shipments that can no longer be fulfilled. */
package io.eventgate.carrier.product;
