package io.eventgate.orders.order;

/** A paging cursor that this service did not hand out (or that was tampered with). */
public class InvalidCursorException extends RuntimeException {

    public InvalidCursorException() {
        super("the cursor is not one this service handed out");
    }
}
