package io.eventgate.infra.dynamodb;

import io.eventgate.infra.provision.CannotConverge;
import java.time.Duration;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/** Waiting for a table to settle: created, updated, its indexes backfilled, or gone. */
final class TableWaits {

    private static final Duration INDEX_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final DynamoDbWaiter waiter;

    TableWaits(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        // The SDK's default waiter polls every 20 s; a second is kinder to a CLI and still gentle on AWS.
        this.waiter = DynamoDbWaiter.builder().client(dynamo)
                .overrideConfiguration(o -> o.backoffStrategy(FixedDelayBackoffStrategy.create(POLL))
                        .maxAttempts((int) INDEX_TIMEOUT.dividedBy(POLL)))
                .build();
    }

    void active() {
        waiter.waitUntilTableExists(b -> b.tableName(tableName));
    }

    void gone() {
        waiter.waitUntilTableNotExists(b -> b.tableName(tableName));
    }

    /** Waits until the table and every index are ACTIVE (a new index backfills, on AWS for minutes). */
    void indexesActive() {
        long deadline = System.nanoTime() + INDEX_TIMEOUT.toNanos();
        while (true) {
            TableDescription current = dynamo.describeTable(b -> b.tableName(tableName)).table();
            boolean settled = current.tableStatus() == TableStatus.ACTIVE && current.globalSecondaryIndexes().stream()
                    .allMatch(i -> i.indexStatus() == IndexStatus.ACTIVE);
            if (settled) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new CannotConverge("indexes of " + tableName + " still not ACTIVE after " + INDEX_TIMEOUT
                        + "; run apply again once they are");
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CannotConverge("interrupted while waiting for the indexes of " + tableName);
            }
        }
    }
}
