package io.eventgate.orders.table;

import io.eventgate.aws.table.LocalTables;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Creates the table from its layout file ({@link OrdersTable#LAYOUT}) at start when
 * {@code eventgate.orders.table.create-on-start} is set and the table is missing. Runs while the context starts, so
 * the service reports ready only once its table exists.
 */
@Component
@ConditionalOnBooleanProperty("eventgate.orders.table.create-on-start")
public class TableCreator implements InitializingBean {

    private final DynamoDbClient dynamo;
    private final String table;

    TableCreator(DynamoDbClient dynamo, TableSettings settings) {
        this.dynamo = dynamo;
        this.table = settings.name();
    }

    @Override
    public void afterPropertiesSet() {
        create(dynamo, table);
    }

    /** Creates the table with the layout of {@code eventgate/tables/orders.yaml}, unless it exists. */
    public static void create(DynamoDbClient dynamo, String table) {
        LocalTables.createIfMissing(dynamo, OrdersTable.LAYOUT, table);
    }
}
