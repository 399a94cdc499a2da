package io.eventgate.localcloud.apigateway.control;

import java.util.Map;

/**
 * Names the API Gateway operation an unimplemented request was meant for (e.g. {@code GET /restapis/x/authorizers}
 * → {@code GetAuthorizers}), so that the error a caller gets says what is missing.
 */
final class OperationNames {

    private static final Map<String, String> SINGULAR = Map.ofEntries(
            Map.entry("restapis", "RestApi"), Map.entry("resources", "Resource"), Map.entry("methods", "Method"),
            Map.entry("integration", "Integration"), Map.entry("authorizers", "Authorizer"),
            Map.entry("gatewayresponses", "GatewayResponse"), Map.entry("deployments", "Deployment"),
            Map.entry("stages", "Stage"), Map.entry("models", "Model"),
            Map.entry("requestvalidators", "RequestValidator"), Map.entry("parts", "DocumentationPart"),
            Map.entry("versions", "DocumentationVersion"), Map.entry("domainnames", "DomainName"),
            Map.entry("basepathmappings", "BasePathMapping"), Map.entry("vpclinks", "VpcLink"),
            Map.entry("clientcertificates", "ClientCertificate"), Map.entry("apikeys", "ApiKey"),
            Map.entry("usageplans", "UsagePlan"), Map.entry("keys", "UsagePlanKey"), Map.entry("usage", "Usage"),
            Map.entry("account", "Account"), Map.entry("sdks", "Sdk"), Map.entry("exports", "Export"),
            Map.entry("sdktypes", "SdkType"), Map.entry("template", "ModelTemplate"), Map.entry("tags", "Tags"));

    private OperationNames() {
    }

    static String guess(String method, String path) {
        String[] segments = path.replaceAll("^/+|/+$", "").split("/");
        String verb = switch (method) {
            case "GET" -> "Get";
            case "POST" -> "Create";
            case "PUT" -> "Put";
            case "PATCH" -> "Update";
            case "DELETE" -> "Delete";
            default -> method;
        };
        // The last segment naming a kind of thing decides; an id after it means one of them, none means the list.
        // Only the last segment or the one before it (followed by an id) can name it: anything else is no operation.
        for (int i = segments.length - 1; i >= Math.max(0, segments.length - 2); i--) {
            String noun = segments[i].equals("responses") && i > 0
                    ? (segments[i - 1].equals("integration") ? "IntegrationResponse" : "MethodResponse")
                    : SINGULAR.get(segments[i]);
            if (noun == null) {
                continue;
            }
            boolean list = i == segments.length - 1 && segments[i].endsWith("s") && !segments[i].equals("tags");
            return verb + noun + (list && method.equals("GET") ? "s" : "");
        }
        return method + " " + path;
    }
}
