package io.eventgate.deploy.gateway;

import io.eventgate.infra.provision.Facts;
import java.util.Map;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * The gateway's constructs by the names gateway-infra's description gives them, and its facts (gateway-infra's fact
 * names, holding CDK tokens).
 *
 * @param connectionKeys the secret behind each connection's key, by connection name
 * @param apiKeyValues   the secret behind each API key's value, by key name
 */
public record Parts(Facts facts, Map<String, Table> tables, Map<String, EventBus> buses, Map<String, Queue> queues,
                    Map<String, ISecret> connectionKeys, Map<String, ISecret> apiKeyValues, RestApi restApi,
                    Map<String, CfnRule> rules) {

    public Parts {
        tables = Map.copyOf(tables);
        buses = Map.copyOf(buses);
        queues = Map.copyOf(queues);
        connectionKeys = Map.copyOf(connectionKeys);
        apiKeyValues = Map.copyOf(apiKeyValues);
        rules = Map.copyOf(rules);
    }

    public <T> T get(Map<String, T> parts, String name) {
        return Built.require(parts, name, "part");
    }
}
