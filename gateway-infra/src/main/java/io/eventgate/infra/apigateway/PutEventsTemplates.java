package io.eventgate.infra.apigateway;

import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.settings.PartnerSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The mapping templates of the {@code POST /events} → {@code PutEvents} integration, as data any deployment tool can
 * use (the provisioner, a CDK stack, a test with the reference engine): no SDK call is needed to read them.
 *
 * <p>The request template enforces the trust model: only the (key, source, event name) pairs in the grants reach the
 * bus; any other pair becomes an entry EventBridge itself refuses, which the response templates answer with 403. The
 * response templates turn what EventBridge answered into a status that tells the caller what to do: 4xx = the event
 * cannot be taken as it is (do not retry), 429/5xx = try again later; the body says {@code retryable} too.
 */
public final class PutEventsTemplates {

    /**
     * The source of the entry that stands for a refused request. {@code aws.} is AWS's reserved namespace: EventBridge
     * refuses it to any caller ({@code NotAuthorizedForSourceException}), so the refusal is EventBridge's own.
     */
    public static final String REFUSED_SOURCE = "aws.eventgate.refused-by-gateway";

    /** What local-cloud, LocalStack and AWS answer for an entry without Detail (the refusal entry has none). */
    static final String MISSING_DETAIL = "Parameter Detail is not valid. Reason: Detail is a required argument.";

    /** The statuses the method answers with; each is declared as a method response. */
    public static final Set<String> STATUSES = Set.of("200", "400", "403", "413", "429", "500", "502", "503");

    private static final String DIR = "io/eventgate/infra/apigateway/";
    /** Key ids as AWS makes them, or a deployment tool's placeholder; never a quote, backslash or space. */
    private static final Pattern KEY_ID = Pattern.compile("[^\\s'\\\\]+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    /**
     * A valid W3C traceparent, whole: the request template keeps a caller's trace context only if this pattern removes
     * all of it. The same rule as event-contracts' {@code TraceParent.PATTERN}, written without backslashes (it sits in
     * a VTL string literal) and ending with {@code $}: a value with a line break after it keeps the break and is refused.
     */
    static final String TRACEPARENT = "^00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$";

    /** One pair a key may publish. */
    public record Grant(String apiKeyId, String source, String eventName) {

        /** The parts end up in a single-quoted VTL literal, separated by spaces: nothing may break out of it. */
        public Grant {
            boolean keyIdUsable = apiKeyId != null && (apiKeyId.equals(Facts.UNKNOWN)
                    || KEY_ID.matcher(apiKeyId).matches());
            if (!keyIdUsable || source == null || !NAME.matcher(source).matches() || eventName == null
                    || !NAME.matcher(eventName).matches()) {
                throw new IllegalArgumentException("not usable in a grant: " + apiKeyId + " / " + source + " / "
                        + eventName);
            }
        }

        /** As the request template compares it with the caller's key id, source and event name. */
        String text() {
            return apiKeyId + " " + source + " " + eventName;
        }
    }

    /** One integration response: chosen by the backend status, rendered by its template. */
    public record Response(String statusCode, String selectionPattern, String template) {
    }

    private PutEventsTemplates() {
    }

    /** Every (source, event name) pair of a partner, for the id of its API key. */
    public static List<Grant> grants(String apiKeyId, PartnerSettings partner) {
        List<Grant> grants = new ArrayList<>();
        partner.sources().forEach(source -> partner.eventNames().forEach(name ->
                grants.add(new Grant(apiKeyId, source, name))));
        return grants;
    }

    /** The request template for a bus and the pairs each key may publish. */
    public static String request(String busName, List<Grant> grants) {
        String list = grants.stream().map(g -> "'" + g.text() + "'").collect(Collectors.joining(", "));
        return read("put-events-request.vtl")
                .replace("{{GRANTS}}", list)
                .replace("{{REFUSED_SOURCE}}", REFUSED_SOURCE)
                .replace("{{TRACEPARENT}}", TRACEPARENT)
                .replace("{{EVENT_BUS_NAME}}", busName);
    }

    /**
     * The integration responses, by the status PutEvents answered with: 2xx (the default, which still may carry a
     * failed entry), 413, any other 4xx, 5xx. The patterns do not overlap.
     */
    public static List<Response> responses() {
        return List.of(
                new Response("200", null, read("put-events-response.vtl").replace("{{MISSING_DETAIL}}",
                        MISSING_DETAIL)),
                new Response("400", "4(0[0-9]|1[0-24-9]|[2-9][0-9])", read("put-events-client-error.vtl")),
                new Response("413", "413", read("put-events-too-large.vtl")),
                new Response("503", "5[0-9]{2}", read("put-events-server-error.vtl")));
    }

    /** The method response statuses, sorted. */
    public static Set<String> statuses() {
        return new TreeSet<>(STATUSES);
    }

    private static String read(String name) {
        try (InputStream in = PutEventsTemplates.class.getClassLoader().getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException(DIR + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
