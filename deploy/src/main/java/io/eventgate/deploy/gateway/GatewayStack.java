package io.eventgate.deploy.gateway;

import io.eventgate.deploy.alarms.AlarmTopic;
import io.eventgate.deploy.topology.GatewayDescription;
import io.eventgate.deploy.topology.Sentinels;
import io.eventgate.infra.outputs.Outputs;
import io.eventgate.infra.settings.InfraSettings;
import io.eventgate.infra.settings.Secrets;
import io.eventgate.infra.settings.TableSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The gateway and everything stateful: tables, bus and archive, queues, the partner API with its keys, the rules, and
 * the alarms on them. Built from gateway-infra's description; changes less often than the services.
 */
public final class GatewayStack extends Stack {

    /** Lower-case DNS names of at least two labels. */
    static final String DOMAIN_PATTERN = "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$";

    private final GatewayDescription description;
    private final Parts parts;
    private final ITopic alarmTopic;
    private final String carrierDomainName;

    /**
     * @param topologyConfig a YAML file merged over gateway-infra's {@code topology.yaml}, as its {@code --config}
     * @param stage          the API Gateway stage
     */
    public GatewayStack(Construct scope, String id, StackProps props, Optional<Path> topologyConfig, String stage) {
        super(scope, id, props);
        CfnParameter carrierDomain = CfnParameter.Builder.create(this, "CarrierDomainName")
                .type("String")
                .allowedPattern(DOMAIN_PATTERN)
                .constraintDescription("a DNS name such as carrier.example.com")
                .description("The name the carrier's HTTPS endpoint answers to (the certificate's name, pointing at"
                        + " the load balancer); the API destination calls https://<this>/shipments")
                .build();
        CfnParameter alarmEmail = CfnParameter.Builder.create(this, "AlarmEmail")
                .type("String")
                .allowedPattern("^[^@\\s]+@[^@\\s]+$")
                .description("Where alarm notifications go (confirm the subscription e-mail AWS sends)")
                .build();
        carrierDomainName = carrierDomain.getValueAsString();
        description = GatewayDescription.load(topologyConfig, stage, "https://" + carrierDomainName);
        alarmTopic = new AlarmTopic(this, "AlarmTopic", alarmEmail.getValueAsString()).topic();
        parts = new EventGateway(this, "Gateway", description).parts();
        new GatewayAlarms(this, description.settings(), parts, alarmTopic);
        outputs();
    }

    public GatewayDescription description() {
        return description;
    }

    /** The gateway's constructs by the description's names. */
    public Parts parts() {
        return parts;
    }

    public ITopic alarmTopic() {
        return alarmTopic;
    }

    /** The carrier's domain name (a parameter of this stack). */
    public String carrierDomainName() {
        return carrierDomainName;
    }

    public IEventBus bus() {
        return parts.get(parts.buses(), description.settings().bus().name());
    }

    public IQueue ordersInbox() {
        return parts.get(parts.queues(), description.settings().orders().inboxQueue());
    }

    /** orders-service: every {@code EVENTGATE_ORDERS_*} setting, its table; no secrets. */
    public ServiceBinding orders() {
        return binding("EVENTGATE_ORDERS_", Map.of());
    }

    /** carrier-service: every {@code EVENTGATE_CARRIER_*} setting, its table, and its two keys as secrets. */
    public ServiceBinding carrier() {
        InfraSettings.Carrier carrier = description.settings().carrier();
        Map<String, software.amazon.awscdk.services.secretsmanager.ISecret> secrets = new LinkedHashMap<>();
        secrets.put(Outputs.CARRIER_SERVICE_INBOUND_KEY,
                parts.get(parts.connectionKeys(), carrier.outbound().connectionName()));
        secrets.put(Outputs.CARRIER_SERVICE_GATEWAY_KEY,
                parts.get(parts.apiKeyValues(), description.settings().carrierPartner().apiKeyName()));
        return binding("EVENTGATE_CARRIER_", secrets);
    }

    /**
     * The service's variables out of gateway-infra's outputs (computed from CDK tokens here), and the table one of
     * them names.
     */
    private ServiceBinding binding(String prefix,
                                   Map<String, software.amazon.awscdk.services.secretsmanager.ISecret> secrets) {
        Map<String, String> outputs = Outputs.of(description.settings(), parts.facts(),
                Secrets.none());
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(Outputs.REGION, Sentinels.resolve(outputs.get(Outputs.REGION)));
        outputs.forEach((name, value) -> {
            if (name.startsWith(prefix) && !secrets.containsKey(name)) {
                environment.put(name, Sentinels.resolve(value));
            }
        });
        TableSettings table = description.settings().tables().stream()
                .filter(t -> t.outputVariables().stream().anyMatch(environment::containsKey))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no table of gateway-infra's description is named by"
                        + " a " + prefix + "* setting"));
        return new ServiceBinding(environment, secrets, parts.get(parts.tables(), table.name()),
                table.globalSecondaryIndexes().stream().map(TableSettings.Index::name).toList());
    }

    private void outputs() {
        InfraSettings settings = description.settings();
        Map<String, String> outputs = Outputs.of(settings, parts.facts(),
                Secrets.none());
        output("GatewayUrl", Sentinels.resolve(outputs.get(Outputs.GATEWAY_URL)),
                "Partners POST events here (x-api-key: the carrier's gateway key)");
        output("CarrierShipmentsEndpoint", settings.carrier().outbound().shipmentsUrl(),
                "What the API destination calls");
        // Every partner's gateway key: the carrier's is CarrierGatewayKeySecret.
        settings.partners().forEach(partner -> output(Ids.of(partner.name()) + "GatewayKeySecret",
                parts.get(parts.apiKeyValues(), partner.apiKeyName()).getSecretArn(),
                "Secrets Manager: partner " + partner.name() + "'s gateway API key"));
        output("CarrierInboundKeySecret", parts.get(parts.connectionKeys(),
                settings.carrier().outbound().connectionName()).getSecretArn(),
                "Secrets Manager: the key the API destination sends to carrier-service");
        output("EventBusName", settings.bus().name(), "The bus");
        output("OrdersInboxDlqUrl", ordersDlqUrl(settings), "orders-inbox's DLQ");
        output("CarrierDeliveryDlqUrl", parts.get(parts.queues(), settings.carrier().outbound().deliveryDlq())
                .getQueueUrl(), "The API destination's DLQ");
        output("AlarmTopicArn", alarmTopic.getTopicArn(), "Every alarm notifies this topic");
    }

    private String ordersDlqUrl(InfraSettings settings) {
        return parts.get(parts.queues(), settings.orders().inboxDlq()).getQueueUrl();
    }

    private void output(String id, String value, String text) {
        CfnOutput.Builder.create(this, id).value(value).description(text).build();
    }
}
