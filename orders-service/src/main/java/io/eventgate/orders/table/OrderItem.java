package io.eventgate.orders.table;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/** An order as stored: key {@code order#<id>}. */
@DynamoDbBean
public class OrderItem extends TableItem {

    private String customerId;
    private List<LineItemAttributes> items;
    private AddressAttributes shippingAddress;
    private String status;
    private String reason;
    private String trackingNumber;
    private String carrier;
    private String shippedAt;
    private String deliveredAt;
    private String cancelledAt;
    private String createdAt;
    private String updatedAt;
    private Long version;

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    public List<LineItemAttributes> getItems() {
        return items;
    }

    public void setItems(List<LineItemAttributes> items) {
        this.items = items;
    }

    public AddressAttributes getShippingAddress() {
        return shippingAddress;
    }

    public void setShippingAddress(AddressAttributes shippingAddress) {
        this.shippingAddress = shippingAddress;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = OrdersTable.STATUS_INDEX)
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getTrackingNumber() {
        return trackingNumber;
    }

    public void setTrackingNumber(String trackingNumber) {
        this.trackingNumber = trackingNumber;
    }

    public String getCarrier() {
        return carrier;
    }

    public void setCarrier(String carrier) {
        this.carrier = carrier;
    }

    public String getShippedAt() {
        return shippedAt;
    }

    public void setShippedAt(String shippedAt) {
        this.shippedAt = shippedAt;
    }

    public String getDeliveredAt() {
        return deliveredAt;
    }

    public void setDeliveredAt(String deliveredAt) {
        this.deliveredAt = deliveredAt;
    }

    public String getCancelledAt() {
        return cancelledAt;
    }

    public void setCancelledAt(String cancelledAt) {
        this.cancelledAt = cancelledAt;
    }

    @DynamoDbSecondarySortKey(indexNames = {OrdersTable.STATUS_INDEX, OrdersTable.OUTBOX_INDEX})
    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    public String getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(String updatedAt) {
        this.updatedAt = updatedAt;
    }

    @DynamoDbVersionAttribute
    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
