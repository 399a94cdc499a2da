package io.eventgate.infra.settings;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The whole gateway topology, validated. Built by {@link SettingsLoader}; every record rejects what AWS would reject,
 * so that {@code plan} fails before touching anything.
 */
public record InfraSettings(
        Target aws, Bus bus, Orders orders, List<PartnerSettings> partners, Carrier carrier, Gateway gateway, Iam iam,
        List<TableSettings> tables) {

    static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    static final Pattern EVENTS_NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");

    public InfraSettings {
        Check.present(aws, "aws");
        Check.present(bus, "bus");
        Check.present(orders, "orders");
        partners = List.copyOf(Check.notEmpty(partners, "partners"));
        Check.present(carrier, "carrier");
        Check.present(gateway, "gateway");
        Check.present(iam, "iam");
        tables = List.copyOf(Check.notEmpty(tables, "tables"));
        checkTrust(orders, partners, carrier);
        if (!aws.local() && carrier.outbound().baseUrl().startsWith("http:")) {
            throw new InvalidSettingsException(
                    "carrier.outbound.baseUrl must use https on AWS (API destinations only call HTTPS endpoints)");
        }
    }

    /** The partner whose events feed orders-service ({@code carrier.partner}). */
    public PartnerSettings carrierPartner() {
        return partners.stream().filter(p -> p.name().equals(carrier.partner())).findFirst().orElseThrow();
    }

    /**
     * The trust model's invariants: names unique, no partner may publish our own source, a source belongs to one
     * partner (so a source says who sent an event), and the carrier is a partner with one source (orders-service
     * accepts one).
     */
    private static void checkTrust(Orders orders, List<PartnerSettings> partners, Carrier carrier) {
        Set<String> names = new HashSet<>();
        Set<String> keys = new HashSet<>();
        Set<String> plans = new HashSet<>();
        Map<String, String> owners = new HashMap<>();
        for (PartnerSettings partner : partners) {
            if (!names.add(partner.name()) || !keys.add(partner.apiKeyName()) || !plans.add(partner.usagePlanName())) {
                throw new InvalidSettingsException("partners: " + partner.name() + " repeats the name, API key name"
                        + " or usage plan name of another partner");
            }
            for (String source : partner.sources()) {
                if (source.equals(orders.source())) {
                    throw new InvalidSettingsException("partners[" + partner.name() + "].sources: " + source
                            + " is orders.source; only orders-service publishes it, never through the gateway");
                }
                String owner = owners.putIfAbsent(source, partner.name());
                if (owner != null) {
                    throw new InvalidSettingsException("partners: source " + source + " is listed for both " + owner
                            + " and " + partner.name() + "; a source belongs to one partner");
                }
            }
        }
        PartnerSettings carrierPartner = partners.stream().filter(p -> p.name().equals(carrier.partner()))
                .findFirst().orElseThrow(() -> new InvalidSettingsException("carrier.partner: " + carrier.partner()
                        + " is not one of partners " + names));
        if (carrierPartner.sources().size() != 1) {
            throw new InvalidSettingsException("partners[" + carrier.partner() + "].sources must list exactly one"
                    + " source: orders-service accepts the carrier's events from one source");
        }
    }

    /**
     * Where the topology goes.
     *
     * @param endpoint  the one endpoint every AWS API is called at (local-cloud, LocalStack); empty or {@code aws} for
     *                  real AWS
     * @param region    the region
     * @param accountId the account; empty to use {@code 000000000000} on a local endpoint and STS on AWS
     */
    public record Target(String endpoint, String region, String accountId) {

        private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
        private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

        public Target {
            endpoint = Check.nullToEmpty(endpoint);
            if (endpoint.equalsIgnoreCase("aws")) {
                endpoint = "";
            }
            region = Check.matches(region, REGION, "aws.region");
            accountId = Check.nullToEmpty(accountId);
            if (!accountId.isEmpty()) {
                Check.matches(accountId, ACCOUNT, "aws.accountId");
            }
            if (!endpoint.isEmpty()) {
                URI uri = URI.create(endpoint);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new InvalidSettingsException("aws.endpoint must be an absolute URL, was '" + endpoint + "'");
                }
            }
        }

        /** Whether the target is an emulator (local-cloud or LocalStack) rather than AWS itself. */
        public boolean local() {
            return !endpoint.isEmpty();
        }

        public Optional<URI> endpointUri() {
            return local() ? Optional.of(URI.create(endpoint.replaceAll("/+$", ""))) : Optional.empty();
        }
    }

    /** The custom event bus and the archive that keeps every event on it for replay. */
    public record Bus(String name, String archiveName, int archiveRetentionDays) {

        private static final Pattern BUS_NAME = Pattern.compile("[/.\\-_A-Za-z0-9]{1,256}");
        private static final Pattern ARCHIVE_NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,48}");

        public Bus {
            Check.matches(name, BUS_NAME, "bus.name");
            if (name.equals("default")) {
                throw new InvalidSettingsException("bus.name must name a custom bus, not 'default'");
            }
            Check.matches(archiveName, ARCHIVE_NAME, "bus.archiveName");
            Check.range(archiveRetentionDays, 0, 36_500, "bus.archiveRetentionDays");
        }
    }

    /**
     * The orders-service side: the source it publishes under, its inbox queue, the DLQ behind it and the rule that
     * feeds it carrier events.
     */
    public record Orders(String source, String inboxQueue, String inboxDlq, int maxReceiveCount,
                         int visibilityTimeoutSeconds, int messageRetentionSeconds, int dlqRetentionSeconds,
                         String rule) {

        public Orders {
            Check.text(source, "orders.source");
            Check.matches(inboxQueue, QUEUE_NAME, "orders.inboxQueue");
            Check.matches(inboxDlq, QUEUE_NAME, "orders.inboxDlq");
            Check.range(maxReceiveCount, 1, 1000, "orders.maxReceiveCount");
            Check.range(visibilityTimeoutSeconds, 0, 43_200, "orders.visibilityTimeoutSeconds");
            Check.range(messageRetentionSeconds, 60, 1_209_600, "orders.messageRetentionSeconds");
            Check.range(dlqRetentionSeconds, 60, 1_209_600, "orders.dlqRetentionSeconds");
            Check.matches(rule, EVENTS_NAME, "orders.rule");
        }
    }

    /**
     * The carrier: which of the partners it is (its events feed orders-service through {@code orders.rule}) and how
     * its shipment requests go out.
     */
    public record Carrier(String partner, Outbound outbound) {

        public Carrier {
            Check.text(partner, "carrier.partner");
            Check.present(outbound, "carrier.outbound");
        }
    }

    /**
     * The API destination that delivers {@code OrderCreated} to the carrier.
     *
     * @param baseUrl            the carrier's base URL; requests go to {@code {baseUrl}/shipments}
     * @param apiKeyHeader       the header the connection sends the carrier's key in
     * @param rateLimitPerSecond the destination's invocation rate limit
     * @param deliveryDlq        the SQS queue events go to when delivery is given up
     */
    public record Outbound(String baseUrl, String connectionName, String apiKeyHeader, String destinationName,
                           int rateLimitPerSecond, String rule, int maximumRetryAttempts, int maximumEventAgeSeconds,
                           String deliveryDlq) {

        public Outbound {
            Check.matches(baseUrl, Pattern.compile("https?://[^\\s*]+"), "carrier.outbound.baseUrl");
            baseUrl = baseUrl.replaceAll("/+$", "");
            Check.matches(connectionName, EVENTS_NAME, "carrier.outbound.connectionName");
            Check.matches(apiKeyHeader, Pattern.compile("[A-Za-z0-9-]{1,512}"), "carrier.outbound.apiKeyHeader");
            Check.matches(destinationName, EVENTS_NAME, "carrier.outbound.destinationName");
            Check.range(rateLimitPerSecond, 1, 300, "carrier.outbound.rateLimitPerSecond");
            Check.matches(rule, EVENTS_NAME, "carrier.outbound.rule");
            Check.range(maximumRetryAttempts, 0, 185, "carrier.outbound.maximumRetryAttempts");
            Check.range(maximumEventAgeSeconds, 60, 86_400, "carrier.outbound.maximumEventAgeSeconds");
            Check.matches(deliveryDlq, QUEUE_NAME, "carrier.outbound.deliveryDlq");
        }

        /** The URL the API destination calls. */
        public String shipmentsUrl() {
            return baseUrl + "/shipments";
        }
    }

    /**
     * The REST API partners POST events to.
     *
     * @param customId the {@code _custom_id_} tag value that fixes the API id on local-cloud and LocalStack
     * @param resource the path part under the root, without slashes ({@code events})
     */
    public record Gateway(String apiName, String customId, String stage, String resource, String modelName,
                          String validatorName) {

        public Gateway {
            Check.text(apiName, "gateway.apiName");
            Check.matches(customId, Pattern.compile("[a-z0-9]{1,40}"), "gateway.customId");
            Check.matches(stage, Pattern.compile("[A-Za-z0-9_-]{1,128}"), "gateway.stage");
            Check.matches(resource, Pattern.compile("[A-Za-z0-9._-]+"), "gateway.resource");
            Check.matches(modelName, Pattern.compile("[A-Za-z0-9]+"), "gateway.modelName");
            Check.text(validatorName, "gateway.validatorName");
        }
    }

    /**
     * The two service roles the topology needs on AWS.
     *
     * @param manage               create and converge the roles with IAM ({@code --manage-iam}); otherwise pass ARNs
     * @param apiGatewayRoleArn    the role API Gateway assumes to call {@code events:PutEvents}, when not managed
     * @param eventBridgeRoleArn   the role EventBridge assumes to call the API destination, when not managed
     */
    public record Iam(boolean manage, String apiGatewayRoleArn, String eventBridgeRoleArn, String apiGatewayRoleName,
                      String eventBridgeRoleName) {

        private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

        public Iam {
            apiGatewayRoleArn = Check.nullToEmpty(apiGatewayRoleArn);
            eventBridgeRoleArn = Check.nullToEmpty(eventBridgeRoleArn);
            Check.matches(apiGatewayRoleName, ROLE_NAME, "iam.apiGatewayRoleName");
            Check.matches(eventBridgeRoleName, ROLE_NAME, "iam.eventBridgeRoleName");
        }
    }
}
