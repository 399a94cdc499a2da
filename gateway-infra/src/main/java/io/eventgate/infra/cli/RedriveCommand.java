package io.eventgate.infra.cli;

import io.eventgate.infra.events.ArchiveReplay;
import io.eventgate.infra.sqs.QueueRedrive;
import io.eventgate.infra.topology.DlqRedrive;
import io.eventgate.infra.topology.RedriveRoute;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "redrive", mixinStandardHelpOptions = true,
        description = {"Moves the messages of a DLQ back after the cause of their failure is fixed.",
                "orders-inbox-dlq: back into orders-inbox, by an SQS message move task (StartMessageMoveTask).",
                "carrier-delivery-dlq: the failed events are replayed",
                "from the archive to the carrier's rule only (same event ids, so the carrier sees repeats as such)."})
final class RedriveCommand extends SessionCommand {

    @Option(names = "--dlq", required = true, paramLabel = "NAME", description = "The DLQ to empty.")
    private String dlq;

    @Option(names = "--max", defaultValue = "10000",
            description = "carrier-delivery-dlq only: at most this many messages (${DEFAULT-VALUE}); a move task "
                    + "moves all.")
    private int max;

    @Option(names = "--timeout", defaultValue = "PT10M",
            description = "How long to wait for a replay or move task to finish (${DEFAULT-VALUE}).")
    private Duration timeout;

    @Option(names = "--settle", defaultValue = "PT10M",
            description = {"carrier-delivery-dlq only: redrive events at least this old (${DEFAULT-VALUE});",
                    "AWS archives events with a delay and recommends replaying after 10 minutes."})
    private Duration settle;

    @Override
    int run(Session session, PrintWriter out) throws InterruptedException {
        RedriveRoute route = session.topology.redriveRoutes().get(dlq);
        if (route == null) {
            throw new IllegalArgumentException("unknown DLQ " + dlq + "; the topology's DLQs are "
                    + session.topology.redriveRoutes().keySet());
        }
        var sqs = session.aws.sqs();
        String dlqUrl = sqs.getQueueUrl(b -> b.queueName(dlq)).queueUrl();
        var redrive = new DlqRedrive(new QueueRedrive(sqs, Clock.systemUTC()),
                new ArchiveReplay(session.aws.events(), Clock.systemUTC()), session.settings, session.aws.arns());
        DlqRedrive.Result result = switch (route) {
            case RedriveRoute.ToQueue toQueue -> redrive.toQueue(dlq, toQueue.queue(), timeout);
            case RedriveRoute.ByReplay byReplay -> redrive.byReplay(dlqUrl, byReplay.rule(), max, timeout, settle,
                    Instant.now());
        };
        out.println(result.summary());
        return result.complete() ? 0 : 1;
    }
}
