package io.eventgate.localcloud.dynamodb;

import io.eventgate.localcloud.edge.AwsJsonClient;
import io.eventgate.localcloud.json.Json;
import java.io.IOException;

/**
 * Waits until DynamoDB Local has committed the transactions it already answered.
 *
 * <p>DynamoDB Local (2.6.1) answers {@code TransactWriteItems} and PartiQL {@code ExecuteTransaction} before their
 * SQLite {@code COMMIT} has run: {@code SQLiteDBAccess.commitTransaction} puts the {@code COMMIT} on its one database
 * thread (a first-in, first-out job queue) and returns without waiting for it. Until that job ran, the transaction is
 * neither visible to other connections nor on disk, so a local-cloud killed in between loses a transaction its caller
 * was told had succeeded (orders-service's order and outbox record, found lost after a {@code kill -9}).
 *
 * <p>{@code ListTables} runs as a job on that same queue and is awaited, so once it answers, every job queued before it
 * — the {@code COMMIT} included — has run. Only needed when DynamoDB Local keeps its data on disk.
 */
@FunctionalInterface
interface CommitBarrier {

    /** For an in-memory DynamoDB Local: nothing survives a crash anyway, so there is nothing to wait for. */
    CommitBarrier NONE = () -> { };

    /** Blocks until every transaction DynamoDB Local answered so far has been committed. */
    void await() throws IOException, InterruptedException, AwsJsonClient.Failure;

    /** The barrier that goes through DynamoDB Local's own queue with a {@code ListTables} of one table. */
    static CommitBarrier through(AwsJsonClient dynamo) {
        return () -> dynamo.call("ListTables", Json.object().put("Limit", 1));
    }
}
