package io.eventgate.orders.table;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * What every item of the table has: its key {@code pk} (a kind prefix and an id, see {@link OrdersTable}) and the
 * order it belongs to.
 */
public abstract class TableItem {

    private String pk;
    private String orderId;

    @DynamoDbPartitionKey
    public String getPk() {
        return pk;
    }

    public void setPk(String pk) {
        this.pk = pk;
    }

    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }
}
