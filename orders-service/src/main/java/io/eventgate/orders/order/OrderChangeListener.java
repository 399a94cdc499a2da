package io.eventgate.orders.order;

/**
 * Told every change stored to any order by any instance of the service — the port the change feed adapter calls
 * (on AWS and local-cloud: the orders table's DynamoDB stream). Calls come from the feed's own thread, in the order
 * the changes were stored per order; implementations must return quickly.
 */
public interface OrderChangeListener {

    /** A change was stored. The same change may be reported more than once. */
    void changed(OrderChange change);

    /**
     * The feed follows the changes from now on. Also called after the feed lost its place (a gap it could not read):
     * whoever keeps state derived from earlier changes should read it again.
     */
    void following();

    /** The feed cannot follow the changes ({@code why} says why); nothing arrives until {@link #following()}. */
    void lost(String why);
}
