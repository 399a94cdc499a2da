package io.eventgate.localcloud.apigateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.apigateway.model.CreateApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;

/**
 * Builds the partner route the way the provisioner builds it on AWS: {@code POST /events}, API key required, body
 * validated against the GatewayEnvelope model, AWS integration calling EventBridge {@code PutEvents} with Source and
 * DetailType from {@code metadata.source} / {@code metadata.eventName} and the caller's API key id stamped into the
 * detail's metadata; {@code FailedEntryCount > 0} (or an EventBridge error) becomes a 502.
 */
final class EventsRoute {

    static final String PUT_EVENTS_URI = "arn:aws:apigateway:us-east-1:events:action/PutEvents";

    /** Detail = the body with metadata.apiKeyId added; escapeJavaScript's \' (invalid in JSON) is undone. */
    static final String REQUEST_TEMPLATE = """
            #set($detail = '{"metadata":{"apiKeyId":"' + $context.identity.apiKeyId + '",' + $input.json('$.metadata').substring(1) + ',"data":' + $input.json('$.data') + '}')
            {
              "Entries": [
                {
                  "EventBusName": "$stageVariables.eventBusName",
                  "Source": "$util.escapeJavaScript($input.path('$.metadata.source'))",
                  "DetailType": "$util.escapeJavaScript($input.path('$.metadata.eventName'))",
                  "Detail": "$util.escapeJavaScript($detail).replaceAll("\\\\'", "'")"
                }
              ]
            }
            """;

    static final String SUCCESS_TEMPLATE = """
            #if($input.path('$.FailedEntryCount') > 0)
            #set($context.responseOverride.status = 502)
            {"message": "The event was not accepted", "errorCode": "$input.path('$.Entries[0].ErrorCode')"}
            #else
            {"eventId": "$input.path('$.Entries[0].EventId')"}
            #end
            """;

    record Built(String apiId, String stage, CreateApiKeyResponse key) {
    }

    private EventsRoute() {
    }

    static Built build(Gateway gateway, String apiId, String stage, String eventBusName) {
        var client = gateway.client;
        client.createRestApi(b -> b.name("eventgate").tags(Map.of("_custom_id_", apiId)));
        String events = gateway.resource(apiId, gateway.rootId(apiId), "events");
        client.createModel(b -> b.restApiId(apiId).name("GatewayEnvelope").contentType("application/json")
                .schema(envelopeSchema()));
        String validator = client.createRequestValidator(b -> b.restApiId(apiId).name("body")
                .validateRequestBody(true).validateRequestParameters(false)).id();
        client.putMethod(b -> b.restApiId(apiId).resourceId(events).httpMethod("POST").authorizationType("NONE")
                .apiKeyRequired(true).requestValidatorId(validator)
                .requestModels(Map.of("application/json", "GatewayEnvelope")));
        client.putIntegration(b -> b.restApiId(apiId).resourceId(events).httpMethod("POST").type(IntegrationType.AWS)
                .integrationHttpMethod("POST").uri(PUT_EVENTS_URI)
                .credentials("arn:aws:iam::000000000000:role/eventgate-apigateway-putevents")
                .passthroughBehavior("NEVER")
                .requestParameters(Map.of(
                        "integration.request.header.X-Amz-Target", "'AWSEvents.PutEvents'",
                        "integration.request.header.Content-Type", "'application/x-amz-json-1.1'"))
                .requestTemplates(Map.of("application/json", REQUEST_TEMPLATE)));
        for (String status : new String[] {"200", "502"}) {
            client.putMethodResponse(b -> b.restApiId(apiId).resourceId(events).httpMethod("POST")
                    .statusCode(status));
        }
        client.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(events).httpMethod("POST")
                .statusCode("200").responseTemplates(Map.of("application/json", SUCCESS_TEMPLATE)));
        client.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(events).httpMethod("POST")
                .statusCode("502").selectionPattern("[45]\\d{2}")
                .responseTemplates(Map.of("application/json", "{\"message\": \"The event bus refused the event\"}")));
        client.createDeployment(b -> b.restApiId(apiId).stageName(stage)
                .variables(Map.of("eventBusName", eventBusName)));
        var key = gateway.key("carrier", apiId, stage, "carrier-plan", b -> { });
        return new Built(apiId, stage, key);
    }

    static String envelope(String source, String eventName, String dataJson) {
        return "{\"metadata\":{\"source\":\"" + source + "\",\"eventName\":\"" + eventName
                + "\",\"eventSchemaVersion\":\"1\",\"correlationId\":\"c-1\"},\"data\":" + dataJson + "}";
    }

    private static String envelopeSchema() {
        try (InputStream in = EventsRoute.class.getResourceAsStream("/eventgate/schemas/GatewayEnvelope.v1.json")) {
            if (in == null) {
                throw new IllegalStateException("GatewayEnvelope.v1.json not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
