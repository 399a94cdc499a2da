package io.eventgate.orders.table;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/**
 * An event waiting to be published (while {@code outboxState} is {@code PENDING}): key {@code outbox#<eventId>}. Kept
 * after publication (without {@code outboxState}), so it also tells when and under which bus event id the order's
 * {@code OrderCreated} went out, and the trace context its publication continued.
 */
@DynamoDbBean
public class OutboxItem extends TableItem {

    /** The attribute names the outbox's conditions and queries speak of (the bean properties of the same name). */
    public static final String OUTBOX_STATE = "outboxState";
    public static final String LEASE_UNTIL = "leaseUntil";
    public static final String LEASE_OWNER = "leaseOwner";
    /** The value of {@value #OUTBOX_STATE} while a record waits to be published; published records have none. */
    public static final String PENDING = "PENDING";


    private String eventId;
    private String source;
    private String detailType;
    private String detail;
    private String outboxState;
    private String createdAt;
    private Long leaseUntil;
    private String leaseOwner;
    private Integer attempts;
    private String publishedAt;
    private String traceparent;
    private String busEventId;

    public String getEventId() {
        return eventId;
    }

    public void setEventId(String eventId) {
        this.eventId = eventId;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getDetailType() {
        return detailType;
    }

    public void setDetailType(String detailType) {
        this.detailType = detailType;
    }

    public String getDetail() {
        return detail;
    }

    public void setDetail(String detail) {
        this.detail = detail;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = OrdersTable.OUTBOX_INDEX)
    public String getOutboxState() {
        return outboxState;
    }

    public void setOutboxState(String outboxState) {
        this.outboxState = outboxState;
    }

    @DynamoDbSecondarySortKey(indexNames = {OrdersTable.STATUS_INDEX, OrdersTable.OUTBOX_INDEX})
    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    public Long getLeaseUntil() {
        return leaseUntil;
    }

    public void setLeaseUntil(Long leaseUntil) {
        this.leaseUntil = leaseUntil;
    }

    public String getLeaseOwner() {
        return leaseOwner;
    }

    public void setLeaseOwner(String leaseOwner) {
        this.leaseOwner = leaseOwner;
    }

    public Integer getAttempts() {
        return attempts;
    }

    public void setAttempts(Integer attempts) {
        this.attempts = attempts;
    }

    public String getPublishedAt() {
        return publishedAt;
    }

    public void setPublishedAt(String publishedAt) {
        this.publishedAt = publishedAt;
    }

    /** The W3C trace context of the request that wrote the record; empty when nothing was traced. */
    public String getTraceparent() {
        return traceparent;
    }

    public void setTraceparent(String traceparent) {
        this.traceparent = traceparent;
    }

    /** The id EventBridge gave the event when it accepted it (the envelope {@code id} every target receives). */
    public String getBusEventId() {
        return busEventId;
    }

    public void setBusEventId(String busEventId) {
        this.busEventId = busEventId;
    }
}
