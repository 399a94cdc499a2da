package io.eventgate.localcloud.apigateway.execute;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What an integration's backend answered (for MOCK: the status the request template chose, no body). */
record BackendResponse(int status, Map<String, List<String>> headers, byte[] body) {

    BackendResponse {
        TreeMap<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = caseInsensitive;
    }

    Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
