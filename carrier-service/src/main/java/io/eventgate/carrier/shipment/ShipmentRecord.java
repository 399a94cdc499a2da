package io.eventgate.carrier.shipment;

import io.eventgate.carrier.report.ReportStatus;
import java.util.List;

/** A stored shipment together with the delivery state of every report made about it, oldest first. */
public record ShipmentRecord(Shipment shipment, List<ReportStatus> reports) {

    public ShipmentRecord {
        reports = List.copyOf(reports);
    }
}
