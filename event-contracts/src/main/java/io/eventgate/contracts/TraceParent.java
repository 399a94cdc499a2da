package io.eventgate.contracts;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The W3C trace context an event carries in {@code metadata.traceparent}, so that one order is one trace across the
 * bus: {@code 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>}, lower case, neither id all zeros (W3C Trace
 * Context, level 1). Only version {@code 00} is taken: a value nobody here can interpret is no context at all.
 *
 * <p>{@link #PATTERN} is the pattern every event schema uses for the field (a test keeps them equal). It is written
 * for ECMA 262, Java and Python alike (API Gateway, local-cloud and LocalStack validate the gateway model), and ends
 * with {@code (?![\s\S])} because Java's and Python's {@code $} also match before a final newline.
 */
public record TraceParent(String traceId, String parentId, String flags) {

    /** What {@code metadata.traceparent} must match, in every event schema and the gateway model. */
    public static final String PATTERN =
            "^00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}(?![\\s\\S])";

    /** The HTTP header and the metadata field that carry it. */
    public static final String FIELD = "traceparent";

    private static final Pattern SHAPE = Pattern.compile(PATTERN);

    public TraceParent {
        if (!SHAPE.matcher("00-" + traceId + "-" + parentId + "-" + flags).find()) {
            throw new IllegalArgumentException("not a W3C trace context: " + traceId + " / " + parentId + " / " + flags);
        }
    }

    /** The context in {@code text}, or empty when it is absent or not a valid version-00 traceparent. */
    public static Optional<TraceParent> parse(String text) {
        if (text == null || !SHAPE.matcher(text).find()) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(text.substring(3, 35), text.substring(36, 52), text.substring(53, 55)));
    }

    /** Whether the sampled flag is set. */
    public boolean sampled() {
        return (Integer.parseInt(flags, 16) & 1) == 1;
    }

    /**
     * The same context as an AWS X-Ray trace header ({@code Root=1-<8 hex>-<24 hex>;Parent=<16 hex>;Sampled=0|1}), as
     * EventBridge's {@code TraceHeader} takes it. X-Ray reads a W3C trace id split after its eighth digit.
     */
    public String xRayTraceHeader() {
        return "Root=1-" + traceId.substring(0, 8) + "-" + traceId.substring(8) + ";Parent=" + parentId + ";Sampled="
                + (sampled() ? 1 : 0);
    }

    @Override
    public String toString() {
        return "00-" + traceId + "-" + parentId + "-" + flags;
    }
}
