package io.eventgate.localcloud.edge;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an incoming request says about the AWS service and operation it is meant for. */
public final class AwsRequests {

    private static final Pattern SIGV4_SCOPE = Pattern.compile("Credential=[^/,\\s]+/\\d{8}/([^/]+)/([^/]+)/aws4_request");

    private AwsRequests() {
    }

    /** The service named in the SigV4 credential scope of the Authorization header, e.g. {@code sqs}. */
    public static Optional<String> signingService(EdgeRequest request) {
        return request.header("Authorization").map(SIGV4_SCOPE::matcher).filter(Matcher::find).map(m -> m.group(2));
    }

    /** The {@code X-Amz-Target} prefix (before the dot), e.g. {@code AWSEvents}. */
    public static Optional<String> targetPrefix(EdgeRequest request) {
        return request.header("X-Amz-Target").map(t -> t.contains(".") ? t.substring(0, t.indexOf('.')) : t);
    }

    /** The operation named by {@code X-Amz-Target} (after the dot), e.g. {@code PutEvents}. */
    public static Optional<String> targetOperation(EdgeRequest request) {
        return request.header("X-Amz-Target").map(t -> t.substring(t.indexOf('.') + 1));
    }

    /** The {@code Action} of a query-protocol request (form body or query string). */
    public static Optional<String> queryAction(EdgeRequest request) {
        List<String> fromQuery = request.queryParameters().get("Action");
        if (fromQuery != null && !fromQuery.isEmpty()) {
            return Optional.of(fromQuery.getFirst());
        }
        if ("application/x-www-form-urlencoded".equals(request.mediaType())) {
            List<String> fromBody = EdgeRequest.parseForm(request.bodyText()).get("Action");
            if (fromBody != null && !fromBody.isEmpty()) {
                return Optional.of(fromBody.getFirst());
            }
        }
        return Optional.empty();
    }
}
