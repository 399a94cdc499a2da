package io.eventgate.orders.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * An HTTP stub speaking EventBridge's {@code AWSEvents.PutEvents} (JSON 1.1), for the tests that need to script
 * what local-cloud's real EventBridge would not do on demand: by default every entry succeeds; tests replace that
 * with partial failures or outages.
 */
public final class EventBridgeStub implements AutoCloseable {

    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Answers every entry of the request with a fresh EventId, as EventBridge does on success. */
    private static final String ALL_SUCCEED = """
            {"FailedEntryCount":0,"Entries":[{{#each (jsonPath request.body '$.Entries') as |entry|}}\
            {"EventId":"{{randomValue type='UUID'}}"}{{#unless @last}},{{/unless}}{{/each}}]}""";

    private final WireMockServer server;

    public EventBridgeStub() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().templatingEnabled(true));
        server.start();
        acceptEverything();
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + server.port());
    }

    public WireMockServer server() {
        return server;
    }

    public static MappingBuilder putEvents() {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSEvents.PutEvents"));
    }

    /** Resets to the default: every entry of every call succeeds. */
    public void acceptEverything() {
        server.resetAll();
        server.stubFor(putEvents().atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", CONTENT_TYPE).withBody(ALL_SUCCEED).withTransformers("response-template")));
    }

    /** A PutEvents reply of {@code size} entries where the entry at {@code failing} failed. */
    public static ResponseDefinitionBuilder oneFailing(int size, int failing) {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < size; i++) {
            entries.append(i == 0 ? "" : ",").append(i == failing
                    ? "{\"ErrorCode\":\"InternalFailure\",\"ErrorMessage\":\"Internal service error\"}"
                    : "{\"EventId\":\"" + java.util.UUID.randomUUID() + "\"}");
        }
        return aResponse().withStatus(200).withHeader("Content-Type", CONTENT_TYPE)
                .withBody("{\"FailedEntryCount\":1,\"Entries\":[" + entries + "]}");
    }

    /** EventBridge being down: HTTP 500 with its JSON error shape (the SDK retries these, then gives up). */
    public static ResponseDefinitionBuilder outage() {
        return aResponse().withStatus(500).withHeader("Content-Type", CONTENT_TYPE)
                .withBody("{\"__type\":\"InternalException\",\"message\":\"service unavailable\"}");
    }

    /** Every PutEvents call received, oldest first. */
    public List<LoggedRequest> calls() {
        return server.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSEvents.PutEvents")));
    }

    /** The {@code Entries} of every call received, in order. */
    public List<JsonNode> entries() {
        List<JsonNode> entries = new ArrayList<>();
        calls().forEach(call -> JSON.readTree(call.getBodyAsString()).get("Entries").forEach(entries::add));
        return entries;
    }

    public static List<JsonNode> entriesOf(LoggedRequest call) {
        List<JsonNode> entries = new ArrayList<>();
        JSON.readTree(call.getBodyAsString()).get("Entries").forEach(entries::add);
        return entries;
    }

    @Override
    public void close() {
        server.stop();
    }
}
