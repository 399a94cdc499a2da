package io.eventgate.deploy.services;

import java.util.List;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * Exactly the DynamoDB actions a service calls, on its table and on each of its indexes by name — never
 * {@code index/*}. {@code TransactWriteItems} has no IAM action of its own: each write in it is checked as the
 * single-item action ({@code PutItem} here).
 *
 * @param tableActions actions on the table itself
 * @param indexActions actions on the named indexes (only {@code Query} reads an index)
 */
public record TablePermissions(List<String> tableActions, List<String> indexActions) {

    public void grant(IRole role, ITable table, List<String> indexNames) {
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("OwnTable")
                .actions(tableActions)
                .resources(List.of(table.getTableArn()))
                .build());
        if (!indexNames.isEmpty() && !indexActions.isEmpty()) {
            role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .sid("OwnTableIndexes")
                    .actions(indexActions)
                    .resources(indexNames.stream().map(index -> table.getTableArn() + "/index/" + index).toList())
                    .build());
        }
    }
}
