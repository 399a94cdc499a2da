package io.eventgate.infra.cli;

import io.eventgate.infra.events.ArchiveReplay;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Sends the archived events of a time span to the bus again, to every rule or only to some.")
final class ReplayCommand extends SessionCommand {

    @Option(names = "--from", required = true, paramLabel = "INSTANT",
            description = "Start, e.g. 2026-11-23T10:00:00Z.")
    private Instant from;

    @Option(names = "--to", required = true, paramLabel = "INSTANT", description = "End (exclusive).")
    private Instant to;

    @Option(names = "--rule", paramLabel = "NAME", description = "Replay only to this rule (repeatable).")
    private List<String> rules = new ArrayList<>();

    @Option(names = "--timeout", defaultValue = "PT10M",
            description = "How long to wait for it to finish (${DEFAULT-VALUE}).")
    private Duration timeout;

    @Override
    int run(Session session, PrintWriter out) throws InterruptedException {
        var arns = session.aws.arns();
        String bus = session.settings.bus().name();
        List<String> ruleArns = rules.stream().map(rule -> arns.rule(bus, rule)).toList();
        ArchiveReplay replay = new ArchiveReplay(session.aws.events(), Clock.systemUTC());
        String name = replay.start(arns.archive(session.settings.bus().archiveName()), arns.eventBus(bus), from, to,
                ruleArns);
        out.println("Replay " + name + " started: " + from + " .. " + to
                + (rules.isEmpty() ? " to every rule" : " to " + rules));
        DescribeReplayResponse result = replay.await(name, timeout);
        out.println("Replay " + name + ": " + result.stateAsString()
                + (result.stateReason() == null ? "" : " (" + result.stateReason() + ")"));
        return result.state() == ReplayState.COMPLETED ? 0 : 1;
    }
}
