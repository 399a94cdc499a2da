package io.eventgate.orders.table;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** Which order an {@code Idempotency-Key} created: key {@code idempotency#<key>}. */
@DynamoDbBean
public class IdempotencyItem extends ExpiringItem {

    private String fingerprint;
    private String createdAt;

    public String getFingerprint() {
        return fingerprint;
    }

    public void setFingerprint(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }
}
