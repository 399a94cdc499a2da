package io.eventgate.aws.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;

class LocalTablesTest {

    @Test
    void createsTheTableTheLayoutDescribesUnderTheConfiguredName() {
        CreateTableRequest request = LocalTables.createRequest(TableLayout.load("example"), "renamed");

        assertThat(request.tableName()).isEqualTo("renamed");
        assertThat(request.keySchema()).extracting(k -> k.attributeName() + " " + k.keyTypeAsString())
                .containsExactly("pk HASH", "sk RANGE");
        assertThat(request.attributeDefinitions()).extracting(AttributeDefinition::attributeName,
                AttributeDefinition::attributeTypeAsString)
                .containsExactly(tuple("pk", "S"), tuple("sk", "S"),
                        tuple("status", "S"), tuple("at", "N"),
                        tuple("owner", "S"));
        assertThat(request.globalSecondaryIndexes()).extracting(GlobalSecondaryIndex::indexName,
                        index -> index.projection().projectionTypeAsString())
                .containsExactly(tuple("by-status", "KEYS_ONLY"),
                        tuple("by-owner", "ALL"));
        assertThat(request.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_IMAGE");
    }

    @Test
    void refusesALayoutWithAnUnknownSetting() {
        assertThatThrownBy(() -> TableLayout.load("misspelt")).hasMessageContaining("globalSecondaryIndex");
    }

    @Test
    void saysWhichLayoutIsMissing() {
        assertThatThrownBy(() -> TableLayout.load("nowhere")).hasMessageContaining("eventgate/tables/nowhere.yaml");
    }
}
