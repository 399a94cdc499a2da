package io.eventgate.localcloud.apigateway.execute;

import io.eventgate.localcloud.apigateway.model.ApiResource;
import io.eventgate.localcloud.apigateway.model.RestApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the resource a path addresses in one deployed API. Like API Gateway, a literal segment beats a
 * {@code {param}}, which beats a greedy {@code {proxy+}}; a greedy variable takes the rest of the path.
 */
final class ResourceMatcher {

    record Match(ApiResource resource, Map<String, String> pathParams) {
    }

    private record Candidate(ApiResource resource, String[] segments) {
    }

    private final List<Candidate> candidates = new ArrayList<>();

    ResourceMatcher(RestApi api) {
        for (ApiResource resource : api.resources().values()) {
            candidates.add(new Candidate(resource, split(resource.path())));
        }
    }

    Optional<Match> match(String path) {
        String[] request = split(path);
        Match best = null;
        String bestRank = null;
        for (Candidate candidate : candidates) {
            StringBuilder rank = new StringBuilder();
            Map<String, String> params = matches(candidate.segments(), request, rank);
            if (params != null && (bestRank == null || rank.toString().compareTo(bestRank) < 0)) {
                best = new Match(candidate.resource(), params);
                bestRank = rank.toString();
            }
        }
        return Optional.ofNullable(best);
    }

    /** The path parameters when the template matches, else null; appends a rank per segment (lower is better). */
    private static Map<String, String> matches(String[] template, String[] request, StringBuilder rank) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String part = template[i];
            if (part.startsWith("{") && part.endsWith("+}")) {
                if (i >= request.length) {
                    return null;
                }
                params.put(part.substring(1, part.length() - 2), String.join("/",
                        java.util.Arrays.copyOfRange(request, i, request.length)));
                rank.append('2');
                return params;
            }
            if (i >= request.length) {
                return null;
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                params.put(part.substring(1, part.length() - 1), request[i]);
                rank.append('1');
            } else if (part.equals(request[i])) {
                rank.append('0');
            } else {
                return null;
            }
        }
        return template.length == request.length ? params : null;
    }

    private static String[] split(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }
}
