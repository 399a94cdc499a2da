package io.eventgate.infra.events;

import io.eventgate.infra.provision.Change;
import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.provision.NamedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeArchiveResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;

/** The archive that keeps every event on the bus, so that {@code replay} can send them again. */
public final class ArchiveResource extends NamedResource {

    private final String archive;
    private final String bus;
    private final int retentionDays;
    private final EventBridgeClient events;

    public ArchiveResource(String archive, String bus, int retentionDays, EventBridgeClient events) {
        super("eventbridge archive", archive);
        this.archive = archive;
        this.bus = bus;
        this.retentionDays = retentionDays;
        this.events = events;
    }

    public static String arnFact(String archive) {
        return "events.archive." + archive + ".arn";
    }

    /** The bus whose events it keeps (every one: the archive has no pattern). */
    public String bus() {
        return bus;
    }

    /** 0 keeps events forever. */
    public int retentionDays() {
        return retentionDays;
    }

    @Override
    public Change plan(Facts facts) {
        String busArn = facts.require(EventBusResource.arnFact(bus));
        Optional<DescribeArchiveResponse> live = describe();
        if (live.isEmpty()) {
            return Change.create(() -> facts.put(arnFact(archive), events.createArchive(b -> b.archiveName(archive)
                    .eventSourceArn(busArn).retentionDays(retentionDays)
                    .description("Every event on " + bus + ", for replay")).archiveArn()));
        }
        facts.put(arnFact(archive), live.get().archiveArn());
        if (!busArn.equals(live.get().eventSourceArn())) {
            return Change.replace(List.of("source " + live.get().eventSourceArn() + " -> " + busArn), () -> {
                events.deleteArchive(b -> b.archiveName(archive));
                facts.put(arnFact(archive), events.createArchive(b -> b.archiveName(archive).eventSourceArn(busArn)
                        .retentionDays(retentionDays)).archiveArn());
            });
        }
        List<String> details = new ArrayList<>();
        if (!Objects.equals(live.get().retentionDays(), retentionDays)) {
            details.add("retention days " + live.get().retentionDays() + " -> " + retentionDays);
        }
        if (details.isEmpty()) {
            return Change.none();
        }
        return Change.update(details, () -> events.updateArchive(b -> b.archiveName(archive)
                .retentionDays(retentionDays)));
    }

    @Override
    public Change planDeletion(Facts facts) {
        return describe().isEmpty() ? Change.none()
                : Change.delete(() -> events.deleteArchive(b -> b.archiveName(archive)));
    }

    private Optional<DescribeArchiveResponse> describe() {
        try {
            return Optional.of(events.describeArchive(b -> b.archiveName(archive)));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }
}
