package io.eventgate.infra.outputs;

import io.eventgate.infra.apigateway.ApiFacts;
import io.eventgate.infra.events.ConnectionResource;
import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.settings.InfraSettings;
import io.eventgate.infra.settings.PartnerSettings;
import io.eventgate.infra.settings.Secrets;
import io.eventgate.infra.settings.TableSettings;
import io.eventgate.infra.sqs.QueueResource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The outputs of an applied topology, by the variable names services and tools read. A value that does not exist
 * (yet) is left out rather than guessed.
 */
public final class Outputs {

    public static final String ENDPOINT = "EVENTGATE_AWS_ENDPOINT";
    public static final String REGION = "EVENTGATE_AWS_REGION";
    public static final String BUS = "EVENTGATE_EVENT_BUS_NAME";
    public static final String ARCHIVE = "EVENTGATE_ARCHIVE_NAME";
    public static final String GATEWAY_URL = "GATEWAY_URL";
    public static final String GATEWAY_API_ID = "GATEWAY_REST_API_ID";
    public static final String GATEWAY_STAGE = "GATEWAY_STAGE";
    public static final String INBOX_URL = "ORDERS_INBOX_QUEUE_URL";
    public static final String INBOX_DLQ_URL = "ORDERS_INBOX_DLQ_URL";
    public static final String CARRIER_DLQ_URL = "CARRIER_DELIVERY_DLQ_URL";

    /** The same values under the names the services' settings bind from (Spring's relaxed binding). */
    public static final String ORDERS_BUS = "EVENTGATE_ORDERS_OUTBOX_BUS_NAME";
    public static final String ORDERS_SOURCE = "EVENTGATE_ORDERS_OUTBOX_SOURCE";
    public static final String ORDERS_INBOX = "EVENTGATE_ORDERS_INBOX_QUEUE";
    public static final String ORDERS_INBOX_DLQ = "EVENTGATE_ORDERS_INBOX_DEAD_LETTER_QUEUE";
    public static final String ORDERS_ACCEPTED_SOURCE = "EVENTGATE_ORDERS_INBOX_ACCEPTED_SOURCE";
    public static final String CARRIER_SERVICE_INBOUND_KEY = "EVENTGATE_CARRIER_API_KEY";
    public static final String CARRIER_SERVICE_GATEWAY_KEY = "EVENTGATE_CARRIER_GATEWAY_API_KEY";
    public static final String CARRIER_SERVICE_GATEWAY_URL = "EVENTGATE_CARRIER_GATEWAY_URL";

    private Outputs() {
    }

    /**
     * @param facts   what a read of the live topology found
     * @param secrets the secrets known from the environment or the outputs file
     */
    public static Map<String, String> of(InfraSettings settings, Facts facts, Secrets secrets) {
        Map<String, String> out = new LinkedHashMap<>();
        // On AWS there is no endpoint to set: the services then use the SDK's regional endpoints.
        if (settings.aws().local()) {
            out.put(ENDPOINT, settings.aws().endpoint());
        }
        out.put(REGION, settings.aws().region());
        out.put(BUS, settings.bus().name());
        out.put(ARCHIVE, settings.bus().archiveName());
        String stage = settings.gateway().stage();
        facts.find(ApiFacts.REST_API_ID).ifPresent(apiId -> {
            out.put(GATEWAY_API_ID, apiId);
            out.put(GATEWAY_STAGE, stage);
            out.put(GATEWAY_URL, invokeUrl(settings, apiId));
        });
        // Every partner's key (CARRIER_GATEWAY_API_KEY, ...) and its id, which rules match in detail.metadata.apiKeyId.
        for (PartnerSettings partner : settings.partners()) {
            facts.find(ApiFacts.apiKeyValue(partner.apiKeyName())).ifPresent(v -> out.put(partner.apiKeyVariable(), v));
            facts.find(ApiFacts.apiKeyId(partner.apiKeyName())).ifPresent(v -> out.put(partner.apiKeyIdVariable(), v));
        }
        facts.find(ConnectionResource.keyFact()).or(secrets::carrierInboundApiKey)
                .ifPresent(v -> out.put(Secrets.CARRIER_INBOUND_API_KEY, v));
        queueUrl(facts, settings.orders().inboxQueue()).ifPresent(v -> out.put(INBOX_URL, v));
        queueUrl(facts, settings.orders().inboxDlq()).ifPresent(v -> out.put(INBOX_DLQ_URL, v));
        queueUrl(facts, settings.carrier().outbound().deliveryDlq()).ifPresent(v -> out.put(CARRIER_DLQ_URL, v));
        for (TableSettings table : settings.tables()) {
            out.put(tableVariable(table.name()), table.name());
            table.outputVariables().forEach(variable -> out.put(variable, table.name()));
        }
        out.put(ORDERS_BUS, settings.bus().name());
        out.put(ORDERS_SOURCE, settings.orders().source());
        out.put(ORDERS_INBOX, settings.orders().inboxQueue());
        out.put(ORDERS_INBOX_DLQ, settings.orders().inboxDlq());
        out.put(ORDERS_ACCEPTED_SOURCE, settings.carrierPartner().sources().getFirst());
        copy(out, Secrets.CARRIER_INBOUND_API_KEY, CARRIER_SERVICE_INBOUND_KEY);
        copy(out, settings.carrierPartner().apiKeyVariable(), CARRIER_SERVICE_GATEWAY_KEY);
        copy(out, GATEWAY_URL, CARRIER_SERVICE_GATEWAY_URL);
        return out;
    }

    /** {@code carrier-shipments} → {@code CARRIER_SHIPMENTS_TABLE_NAME}. */
    public static String tableVariable(String table) {
        return table.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_TABLE_NAME";
    }

    /** LocalStack's URL form on a local endpoint, the regional execute-api host on AWS. */
    public static String invokeUrl(InfraSettings settings, String apiId) {
        String path = "/" + settings.gateway().stage() + "/" + settings.gateway().resource();
        return settings.aws().endpointUri()
                .map(endpoint -> endpoint + "/_aws/execute-api/" + apiId + path)
                .orElse("https://" + apiId + ".execute-api." + settings.aws().region() + ".amazonaws.com" + path);
    }

    private static void copy(Map<String, String> out, String from, String to) {
        if (out.containsKey(from)) {
            out.put(to, out.get(from));
        }
    }

    private static Optional<String> queueUrl(Facts facts, String queue) {
        return facts.find(QueueResource.urlFact(queue));
    }
}
