package io.eventgate.infra.dynamodb;

import io.eventgate.infra.provision.CannotConverge;
import io.eventgate.infra.provision.Change;
import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.provision.NamedResource;
import io.eventgate.infra.settings.TableSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import static io.eventgate.infra.dynamodb.TableSchemas.attributeDefinitions;
import static io.eventgate.infra.dynamodb.TableSchemas.keySchema;
import static io.eventgate.infra.dynamodb.TableSchemas.keys;
import static io.eventgate.infra.dynamodb.TableSchemas.projection;
import static io.eventgate.infra.dynamodb.TableSchemas.sameProjection;

/**
 * One on-demand table with its global secondary indexes, stream and TTL. Indexes, stream and TTL converge in place;
 * a different key schema is reported, never fixed by dropping the table and its data.
 */
public final class TableResource extends NamedResource {

    private final TableSettings table;
    private final DynamoDbClient dynamo;
    private final TableWaits waits;

    public TableResource(TableSettings table, DynamoDbClient dynamo) {
        super("dynamodb table", table.name());
        this.table = table;
        this.dynamo = dynamo;
        this.waits = new TableWaits(dynamo, table.name());
    }

    public static String arnFact(String table) {
        return "dynamodb.table." + table + ".arn";
    }

    /** The table's key schema, indexes, stream and TTL as the settings describe them. */
    public TableSettings table() {
        return table;
    }

    /** Tables are created on demand (pay per request). */
    public String billingMode() {
        return BillingMode.PAY_PER_REQUEST.toString();
    }

    @Override
    public Change plan(Facts facts) {
        Optional<TableDescription> live = describe();
        if (live.isEmpty()) {
            return Change.create(() -> create(facts));
        }
        TableDescription current = live.get();
        facts.put(arnFact(table.name()), current.tableArn());
        Map<String, String> liveTypes = current.attributeDefinitions().stream()
                .collect(Collectors.toMap(AttributeDefinition::attributeName,
                        AttributeDefinition::attributeTypeAsString));
        if (!keySchema(current.keySchema(), liveTypes).equals(keySchema(table.partitionKey(), table.sortKey()))) {
            throw new CannotConverge("key schema is " + keySchema(current.keySchema(), liveTypes)
                    + " but the topology wants "
                    + keySchema(table.partitionKey(), table.sortKey())
                    + "; DynamoDB cannot change it in place and gateway-infra does not drop data: migrate the table"
                    + " or delete it yourself");
        }
        List<String> details = new ArrayList<>();
        List<Change.Step> steps = new ArrayList<>();
        planIndexes(current, liveTypes, details, steps);
        planStream(current, details, steps);
        planBilling(current, details, steps);
        planTimeToLive(details, steps);
        if (details.isEmpty()) {
            return Change.none();
        }
        return Change.update(details, () -> steps.forEach(Change.Step::run));
    }

    @Override
    public Change planDeletion(Facts facts) {
        if (describe().isEmpty()) {
            return Change.none();
        }
        return Change.delete(() -> {
            dynamo.deleteTable(b -> b.tableName(table.name()));
            waits.gone();
        });
    }

    private Optional<TableDescription> describe() {
        try {
            return Optional.of(dynamo.describeTable(b -> b.tableName(table.name())).table());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    private void create(Facts facts) {
        var request = CreateTableRequest.builder()
                .tableName(table.name())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributeDefinitions(table))
                .keySchema(keys(table.partitionKey(), table.sortKey()));
        if (!table.globalSecondaryIndexes().isEmpty()) {
            request.globalSecondaryIndexes(table.globalSecondaryIndexes().stream().map(TableSchemas::index).toList());
        }
        if (!table.streamViewType().isEmpty()) {
            request.streamSpecification(s -> s.streamEnabled(true).streamViewType(table.streamViewType()));
        }
        TableDescription created = dynamo.createTable(request.build()).tableDescription();
        waits.indexesActive();
        facts.put(arnFact(table.name()), created.tableArn());
        if (!table.timeToLiveAttribute().isEmpty()) {
            enableTimeToLive();
        }
    }

    private void planIndexes(TableDescription current, Map<String, String> liveTypes, List<String> details,
                             List<Change.Step> steps) {
        Map<String, GlobalSecondaryIndexDescription> live = current.globalSecondaryIndexes().stream()
                .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, i -> i));
        for (TableSettings.Index wanted : table.globalSecondaryIndexes()) {
            GlobalSecondaryIndexDescription existing = live.remove(wanted.name());
            if (existing == null) {
                details.add("add index " + wanted.name());
                steps.add(() -> updateIndexes(GlobalSecondaryIndexUpdate.builder()
                        .create(c -> c.indexName(wanted.name())
                                .keySchema(keys(wanted.partitionKey(), wanted.sortKey()))
                                .projection(projection(wanted)))
                        .build()));
            } else if (!keySchema(existing.keySchema(), liveTypes)
                    .equals(keySchema(wanted.partitionKey(), wanted.sortKey()))
                    || !sameProjection(existing.projection(), wanted)) {
                throw new CannotConverge("index " + wanted.name() + " has key schema "
                        + keySchema(existing.keySchema(), liveTypes) + " / projection "
                        + existing.projection().projectionType()
                        + " but the topology wants " + keySchema(wanted.partitionKey(), wanted.sortKey()) + " / "
                        + wanted.projection() + "; rename the index in the topology to build a new one");
            }
        }
        for (String extra : live.keySet()) {
            details.add("remove index " + extra + " (not in the topology)");
            steps.add(() -> updateIndexes(GlobalSecondaryIndexUpdate.builder()
                    .delete(d -> d.indexName(extra)).build()));
        }
    }

    /** DynamoDB takes one index change per call, and the next only once the previous one finished. */
    private void updateIndexes(GlobalSecondaryIndexUpdate update) {
        waits.indexesActive();
        dynamo.updateTable(b -> b.tableName(table.name()).attributeDefinitions(attributeDefinitions(table))
                .globalSecondaryIndexUpdates(update));
        waits.indexesActive();
    }

    private void planStream(TableDescription current, List<String> details, List<Change.Step> steps) {
        StreamSpecification live = current.streamSpecification();
        String liveView = live != null && Boolean.TRUE.equals(live.streamEnabled()) ? live.streamViewTypeAsString()
                : "";
        if (liveView.equals(table.streamViewType())) {
            return;
        }
        details.add("stream " + (liveView.isEmpty() ? "off" : liveView) + " -> "
                + (table.streamViewType().isEmpty() ? "off" : table.streamViewType()));
        steps.add(() -> {
            if (!liveView.isEmpty()) {
                dynamo.updateTable(b -> b.tableName(table.name()).streamSpecification(s -> s.streamEnabled(false)));
                waits.active();
            }
            if (!table.streamViewType().isEmpty()) {
                dynamo.updateTable(b -> b.tableName(table.name())
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType(table.streamViewType())));
                waits.active();
            }
        });
    }

    private void planBilling(TableDescription current, List<String> details, List<Change.Step> steps) {
        // DynamoDB Local leaves BillingModeSummary out; a table without provisioned capacity is on demand there.
        boolean onDemand = current.billingModeSummary() != null
                ? current.billingModeSummary().billingMode() == BillingMode.PAY_PER_REQUEST
                : current.provisionedThroughput() == null
                        || current.provisionedThroughput().readCapacityUnits() == null
                        || current.provisionedThroughput().readCapacityUnits() == 0;
        if (!onDemand) {
            details.add("billing mode PROVISIONED -> PAY_PER_REQUEST");
            steps.add(() -> dynamo.updateTable(b -> b.tableName(table.name())
                    .billingMode(BillingMode.PAY_PER_REQUEST)));
        }
    }

    private void planTimeToLive(List<String> details, List<Change.Step> steps) {
        var ttl = dynamo.describeTimeToLive(b -> b.tableName(table.name())).timeToLiveDescription();
        boolean enabled = ttl != null && (ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                || ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING);
        String liveAttribute = enabled ? ttl.attributeName() : "";
        if (liveAttribute.equals(table.timeToLiveAttribute())) {
            return;
        }
        details.add("time to live " + (enabled ? liveAttribute : "off") + " -> "
                + (table.timeToLiveAttribute().isEmpty() ? "off" : table.timeToLiveAttribute()));
        steps.add(() -> {
            if (enabled) {
                dynamo.updateTimeToLive(b -> b.tableName(table.name())
                        .timeToLiveSpecification(s -> s.attributeName(liveAttribute).enabled(false)));
            }
            if (!table.timeToLiveAttribute().isEmpty()) {
                enableTimeToLive();
            }
        });
    }

    private void enableTimeToLive() {
        dynamo.updateTimeToLive(b -> b.tableName(table.name())
                .timeToLiveSpecification(s -> s.attributeName(table.timeToLiveAttribute()).enabled(true)));
    }
}
