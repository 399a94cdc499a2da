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

    /** Moves the DLQ's messages back into the queue with a message move task. */
    public Result toQueue(String dlq, String queue, Duration timeout) throws InterruptedException {
        QueueRedrive.Move move = queues.move(arns.queue(dlq), arns.queue(queue), timeout);
        String summary = "Moved " + move.moved() + " messages from " + dlq + " to " + queue;
        return move.completed() ? new Result((int) move.moved(), 0, summary)
                : new Result((int) move.moved(), 1, summary + "; the move task is " + move.status()
                        + (move.failureReason() == null ? "" : " (" + move.failureReason() + ")")
                        + ": what it did not move stays in the DLQ");
    }

    /**
     * Replays, to the rule only, the archived events of the time span of the events in the DLQ; deletes the DLQ
     * messages once the replay completed. Messages that are not EventBridge events stay in the DLQ, and so do events
     * younger than {@code settle}: AWS archives an event some time after the bus received it (it recommends waiting
     * 10 minutes before replaying), and a replay that misses an event must not delete its DLQ message.
     */
    public Result byReplay(String dlqUrl, String rule, int max, Duration timeout, Duration settle, Instant now)
            throws InterruptedException {
        List<Message> messages = queues.receive(dlqUrl, max);
        List<Message> events = new ArrayList<>();
        List<Message> tooNew = new ArrayList<>();
        Instant first = null;
        Instant last = null;
        for (Message message : messages) {
            Instant time = eventTime(message.body());
            if (time == null) {
                continue;
            }
            if (time.isAfter(now.minus(settle))) {
                tooNew.add(message);
                continue;
            }
            events.add(message);
            first = first == null || time.isBefore(first) ? time : first;
            last = last == null || time.isAfter(last) ? time : last;
        }
        queues.release(dlqUrl, tooNew);
        int notEvents = messages.size() - events.size() - tooNew.size();
        String waiting = tooNew.isEmpty() ? "" : "; " + tooNew.size() + " events younger than " + settle
                + " stay until the archive surely has them: run redrive again later";
        if (events.isEmpty()) {
            return new Result(0, notEvents + tooNew.size(), "Nothing to replay: " + messages.size() + " messages, "
                    + notEvents + " of them not EventBridge events (left in the DLQ)" + waiting);
        }
        String bus = settings.bus().name();
        String name = replay.start(arns.archive(settings.bus().archiveName()), arns.eventBus(bus), first,
                last.plusSeconds(1), List.of(arns.rule(bus, rule)));
        DescribeReplayResponse done = replay.await(name, timeout);
        if (done.state() != ReplayState.COMPLETED) {
            queues.release(dlqUrl, events);
            return new Result(0, messages.size(), "Replay " + name + " ended " + done.stateAsString()
                    + "; the DLQ keeps all its messages");
        }
        queues.delete(dlqUrl, events);
        return new Result(events.size(), notEvents + tooNew.size(), "Replayed " + events.size() + " failed events ("
                + first + " .. " + last + ") to rule " + rule + " with replay " + name + "; removed them from the DLQ"
                + (notEvents == 0 ? "" : "; " + notEvents + " messages that are not events stay") + waiting);
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
