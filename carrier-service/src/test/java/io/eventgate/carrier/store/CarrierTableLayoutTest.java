package io.eventgate.carrier.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgate.aws.table.TableLayout;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The names the store uses are the ones of the table's layout file, which gateway-infra applies too. */
class CarrierTableLayoutTest {

    private static final TableLayout LAYOUT = CarrierTable.LAYOUT;

    @Test
    void theKeysAreTheLayoutsKeys() {
        assertThat(LAYOUT.partitionKey()).isEqualTo(new TableLayout.Key(CarrierTable.PK, "S"));
        assertThat(LAYOUT.sortKey()).isEqualTo(new TableLayout.Key(CarrierTable.SK, "S"));
    }

    @Test
    void theIndexesAreTheLayoutsIndexes() {
        assertThat(LAYOUT.globalSecondaryIndexes()).extracting(TableLayout.Index::name)
                .containsExactlyInAnyOrder(CarrierTable.BY_STATUS, CarrierTable.PENDING_REPORTS);
        assertThat(LAYOUT.index(CarrierTable.BY_STATUS).partitionKey().name()).isEqualTo(CarrierTable.STATUS);
        // statusAt is written as a number (epoch milliseconds), so the index sorts by time.
        assertThat(LAYOUT.index(CarrierTable.BY_STATUS).sortKey()).isEqualTo(new TableLayout.Key(CarrierTable.STATUS_AT, "N"));
        assertThat(LAYOUT.index(CarrierTable.PENDING_REPORTS).partitionKey().name()).isEqualTo(CarrierTable.PENDING);
        assertThat(LAYOUT.index(CarrierTable.PENDING_REPORTS).sortKey().name()).isEqualTo(CarrierTable.PENDING_ORDER);
    }

    @Test
    void theDefaultTableNameIsTheLayoutsName() {
        DefaultValue tableName = StoreSettings.class.getDeclaredConstructors()[0].getParameters()[0]
                .getAnnotation(DefaultValue.class);
        assertThat(tableName.value()).containsExactly(LAYOUT.name());
    }
}
