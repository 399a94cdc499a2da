package io.eventgate.localcloud.events;

import io.eventgate.localcloud.edge.AwsException;
import io.eventgate.localcloud.json.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code PutEvents}: validates each entry as AWS does, answers per entry in request order (HTTP 200 even when some
 * fail), builds the event envelope and routes it; delivery happens after the answer.
 */
final class PutEventsOperation {

    /** AWS's limit on the summed entry sizes of one request (raised from 256 KB in January 2026). */
    static final int MAX_REQUEST_BYTES = 1024 * 1024;
    static final int MAX_DETAIL_TYPE = 128;

    private static final Logger log = LoggerFactory.getLogger(PutEventsOperation.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private final Buses buses;
    private final EventRouter router;
    private final Clock clock;

    PutEventsOperation(Buses buses, EventRouter router, Clock clock) {
        this.buses = buses;
        this.router = router;
        this.clock = clock;
    }

    JsonNode put(JsonNode input) {
        ArrayNode entries = Params.array(input, "Entries", 1, 10);
        long size = 0;
        for (JsonNode entry : entries) {
            size += entrySize(entry);
        }
        if (size > MAX_REQUEST_BYTES) {
            throw AwsException.validation("Total size of the entries in the request is over the limit.");
        }
        Instant ingestionTime = clock.instant();
        ObjectNode output = Json.object();
        ArrayNode results = output.putArray("Entries");
        int failed = 0;
        for (JsonNode entry : entries) {
            ObjectNode result = results.addObject();
            try {
                result.put("EventId", accept(entry, ingestionTime));
            } catch (EntryRejected e) {
                failed++;
                result.put("ErrorCode", e.code).put("ErrorMessage", e.getMessage());
            }
        }
        output.put("FailedEntryCount", failed);
        return output;
    }

    private String accept(JsonNode entry, Instant ingestionTime) {
        String source = text(entry, "Source");
        if (source == null || source.isEmpty()) {
            throw EntryRejected.required("Source");
        }
        if (source.startsWith("aws.")) {
            throw new EntryRejected("NotAuthorizedForSourceException", "Not authorized for the source.");
        }
        String detailType = text(entry, "DetailType");
        if (detailType == null || detailType.isEmpty()) {
            throw EntryRejected.required("DetailType");
        }
        if (detailType.length() > MAX_DETAIL_TYPE) {
            throw new EntryRejected("InvalidArgument", "Parameter DetailType is not valid. Reason: DetailType is "
                    + "longer than " + MAX_DETAIL_TYPE + " characters.");
        }
        String detailText = text(entry, "Detail");
        if (detailText == null || detailText.isEmpty()) {
            throw EntryRejected.required("Detail");
        }
        JsonNode detail;
        try {
            detail = Json.parse(detailText);
        } catch (JacksonException e) {
            throw new EntryRejected("MalformedDetail", "Detail is malformed.");
        }
        if (!detail.isObject()) {
            throw new EntryRejected("MalformedDetail", "Detail is malformed.");
        }
        ArrayNode resources = Json.MAPPER.createArrayNode();
        for (JsonNode resource : entry.path("Resources")) {
            if (!resource.isString()) {
                throw new EntryRejected("InvalidArgument", "Parameter Resources is not valid.");
            }
            resources.add(resource.asString());
        }
        String busName = Arns.busName(text(entry, "EventBusName"));
        String id = UUID.randomUUID().toString();
        ObjectNode event = Json.object()
                .put("version", "0")
                .put("id", id)
                .put("detail-type", detailType)
                .put("source", source)
                .put("account", buses.arns().accountId())
                .put("time", TIME.format(time(entry, ingestionTime)))
                .put("region", buses.arns().region());
        event.set("resources", resources);
        event.set("detail", detail);
        Optional<EventBus> bus = buses.find(busName);
        if (bus.isEmpty()) {
            log.warn("PutEvents to event bus '{}', which does not exist: AWS reports success and drops the event "
                    + "(trap: check the bus name)", busName);
            return id;
        }
        try {
            router.route(bus.get(), event, Json.text(event), ingestionTime);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EntryRejected("InternalFailure", "local-cloud is stopping");
        }
        return id;
    }

    private static Instant time(JsonNode entry, Instant now) {
        JsonNode time = entry.get("Time");
        if (time == null || time.isNull()) {
            return now.truncatedTo(ChronoUnit.SECONDS);
        }
        if (time.isNumber()) {
            return Instant.ofEpochMilli(time.decimalValue().multiply(BigDecimal.valueOf(1000)).longValue())
                    .truncatedTo(ChronoUnit.SECONDS);
        }
        try {
            return Instant.parse(time.asString()).truncatedTo(ChronoUnit.SECONDS);
        } catch (RuntimeException e) {
            throw new EntryRejected("InvalidArgument", "Parameter Time is not valid.");
        }
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** An entry's size as AWS counts it: 14 bytes for a Time, then the UTF-8 bytes of the text fields. */
    private static long entrySize(JsonNode entry) {
        long size = entry.hasNonNull("Time") ? 14 : 0;
        for (String field : new String[] {"Source", "DetailType", "Detail"}) {
            String value = text(entry, field);
            size += value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
        }
        for (JsonNode resource : entry.path("Resources")) {
            size += resource.asString("").getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }

    /** One entry failed; the others go on. */
    private static final class EntryRejected extends RuntimeException {
        final String code;

        EntryRejected(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        static EntryRejected required(String field) {
            return new EntryRejected("InvalidArgument", "Parameter " + field + " is not valid. Reason: " + field
                    + " is a required argument.");
        }
    }
}
