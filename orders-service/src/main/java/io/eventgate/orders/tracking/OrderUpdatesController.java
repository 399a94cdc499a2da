package io.eventgate.orders.tracking;

import io.eventgate.orders.order.OrderIds;
import io.eventgate.web.problem.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * An order's live updates as server-sent events. Everything that can be refused is refused before the stream opens,
 * so a refusal is an ordinary problem response, never a broken stream.
 */
@RestController
class OrderUpdatesController {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final UpdateStreams streams;

    OrderUpdatesController(UpdateStreams streams) {
        this.streams = streams;
    }

    @Operation(summary = "Follow an order live (server-sent events)",
            description = "Open to whoever holds the order's id, like GET /orders/{id}. Events: 'state' at once (the "
                    + "order's status and steps so far), then one per step as it is stored — 'sent' (the event bus "
                    + "accepted the order for the carrier), 'shipped' (with the tracking number), 'delivered', "
                    + "'cancelled' (with the reason) — each carrying the status and steps up to it; its id is the steps "
                    + "the client has, so a reconnect with Last-Event-ID gets exactly the steps it missed. A "
                    + "'heartbeat' every 15 s; 'idle', then the end, after 10 minutes without news.")
    @ApiResponse(responseCode = "200", description = "the stream", content = @Content(mediaType = "text/event-stream"))
    @ApiResponse(responseCode = "400", description = "not an order id, or a Last-Event-ID this stream never sent",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "no such order (no stream is opened)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "this instance holds as many streams as it may (Retry-After), "
            + "or cannot follow the changes right now", content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/orders/{id}/updates")
    SseEmitter updates(@PathVariable String id,
            @Parameter(in = ParameterIn.HEADER, description = "the id of the last event received (sent by browsers "
                    + "when they reconnect)")
            @RequestHeader(name = LAST_EVENT_ID, required = false) Optional<String> lastEventId) {
        if (!OrderIds.isWellFormed(id)) {
            throw new InvalidRequestException("id", "must be an order id as POST /orders returns it (a lower-case UUID)");
        }
        Optional<Progress> resumeFrom = lastEventId.filter(text -> !text.isEmpty()).map(text -> {
            try {
                return Progress.parse(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(LAST_EVENT_ID, e.getMessage());
            }
        });
        return streams.open(id, resumeFrom);
    }
}
