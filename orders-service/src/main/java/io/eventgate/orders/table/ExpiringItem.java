package io.eventgate.orders.table;

/** An item DynamoDB's time to live removes after {@code expiresAt} (epoch seconds; the layout's TTL attribute). */
public abstract class ExpiringItem extends TableItem {

    private Long expiresAt;

    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
