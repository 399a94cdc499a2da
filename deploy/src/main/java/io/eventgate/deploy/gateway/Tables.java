package io.eventgate.deploy.gateway;

import io.eventgate.infra.dynamodb.TableResource;
import io.eventgate.infra.settings.TableSettings;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.constructs.Construct;

/**
 * The services' tables, exactly as gateway-infra describes them (keys, indexes, stream, TTL, on demand). Added on AWS:
 * point-in-time recovery and deletion protection, and the tables outlive the stack — they hold the system's data.
 */
final class Tables extends Construct {

    private final Built built;

    Tables(Construct scope, Built built) {
        super(scope, "Tables");
        this.built = built;
    }

    void add(TableResource resource) {
        TableSettings settings = resource.table();
        Table table = Table.Builder.create(this, Ids.of(settings.name()))
                .tableName(settings.name())
                .partitionKey(attribute(settings.partitionKey()))
                .sortKey(settings.sortKey() == null ? null : attribute(settings.sortKey()))
                .billingMode(BillingMode.valueOf(resource.billingMode()))
                .timeToLiveAttribute(settings.timeToLiveAttribute().isEmpty() ? null : settings.timeToLiveAttribute())
                .stream(settings.streamViewType().isEmpty() ? null : StreamViewType.valueOf(settings.streamViewType()))
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        for (TableSettings.Index index : settings.globalSecondaryIndexes()) {
            table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                    .indexName(index.name())
                    .partitionKey(attribute(index.partitionKey()))
                    .sortKey(index.sortKey() == null ? null : attribute(index.sortKey()))
                    .projectionType(ProjectionType.valueOf(index.projection()))
                    .nonKeyAttributes(index.projection().equals("INCLUDE") ? index.nonKeyAttributes() : null)
                    .build());
        }
        built.tables.put(settings.name(), table);
        built.facts.put(TableResource.arnFact(settings.name()), table.getTableArn());
    }

    private static Attribute attribute(TableSettings.KeyAttribute key) {
        AttributeType type = switch (key.type()) {
            case "S" -> AttributeType.STRING;
            case "N" -> AttributeType.NUMBER;
            case "B" -> AttributeType.BINARY;
            default -> throw new IllegalArgumentException("key attribute type " + key.type());
        };
        return Attribute.builder().name(key.name()).type(type).build();
    }
}
