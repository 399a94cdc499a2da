package io.eventgate.infra.topology;

import io.eventgate.infra.aws.Arns;
import io.eventgate.infra.aws.JsonDocs;
import io.eventgate.infra.events.ArchiveReplay;
import io.eventgate.infra.settings.InfraSettings;
import io.eventgate.infra.sqs.QueueRedrive;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Empties a DLQ along its {@link RedriveRoute}. */
public final class DlqRedrive {

    /** What a redrive did. */
    public record Result(int redriven, int leftBehind, String summary) {

        public boolean complete() {
            return leftBehind == 0;
        }
    }

    private final QueueRedrive queues;
    private final ArchiveReplay replay;
    private final InfraSettings settings;
    private final Arns arns;

    public DlqRedrive(QueueRedrive queues, ArchiveReplay replay, InfraSettings settings, Arns arns) {
        this.queues = queues;
        this.replay = replay;
        this.settings = settings;
        this.arns = arns;
    }

    public Result toQueue(String dlqUrl, String queueUrl, int max) {
        int moved = queues.move(dlqUrl, queueUrl, max);
        return new Result(moved, 0, "Moved " + moved + " messages from " + dlqUrl + " to " + queueUrl);
    }

    /**
     * Replays, to the rule only, the archived events of the time span of the events in the DLQ; deletes the DLQ
     * messages once the replay completed. Messages that are not EventBridge events stay in the DLQ.
     */
    public Result byReplay(String dlqUrl, String rule, int max, Duration timeout) throws InterruptedException {
        List<Message> messages = queues.receive(dlqUrl, max);
        List<Message> events = new ArrayList<>();
        Instant first = null;
        Instant last = null;
        for (Message message : messages) {
            Instant time = eventTime(message.body());
            if (time == null) {
                continue;
            }
            events.add(message);
            first = first == null || time.isBefore(first) ? time : first;
            last = last == null || time.isAfter(last) ? time : last;
        }
        int notEvents = messages.size() - events.size();
        if (events.isEmpty()) {
            return new Result(0, notEvents, "Nothing to replay: " + messages.size() + " messages, "
                    + notEvents + " of them not EventBridge events (left in the DLQ)");
        }
        String bus = settings.bus().name();
        String name = replay.start(arns.archive(settings.bus().archiveName()), arns.eventBus(bus), first,
                last.plusSeconds(1), List.of(arns.rule(bus, rule)));
        DescribeReplayResponse done = replay.await(name, timeout);
        if (done.state() != ReplayState.COMPLETED) {
            return new Result(0, messages.size(), "Replay " + name + " ended " + done.stateAsString()
                    + "; the DLQ keeps its " + messages.size() + " messages (they reappear after their visibility"
                    + " timeout)");
        }
        queues.delete(dlqUrl, events);
        return new Result(events.size(), notEvents, "Replayed " + events.size() + " failed events (" + first + " .. "
                + last + ") to rule " + rule + " with replay " + name + "; removed them from the DLQ"
                + (notEvents == 0 ? "" : "; " + notEvents + " messages that are not events stay"));
    }

    private static Instant eventTime(String body) {
        try {
            JsonNode event = JsonDocs.read(body);
            JsonNode time = event.get("time");
            return time != null && event.has("detail-type") ? Instant.parse(time.asString()) : null;
        } catch (JacksonException | java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
