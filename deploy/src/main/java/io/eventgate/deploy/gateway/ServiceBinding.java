package io.eventgate.deploy.gateway;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.secretsmanager.ISecret;

/**
 * What one service takes from the gateway: its settings as environment variables (the names gateway-infra's
 * {@code outputs} gives them locally), its secrets (to be injected as ECS secrets), and its table with the names of
 * its indexes.
 */
public record ServiceBinding(Map<String, String> environment, Map<String, ISecret> secrets, ITable table,
                             List<String> indexNames) {

    public ServiceBinding {
        environment = Map.copyOf(environment);
        secrets = Map.copyOf(secrets);
        indexNames = List.copyOf(indexNames);
    }

    /** The same binding with one more secret (a credential of the service's own, not of the gateway). */
    public ServiceBinding withSecret(String variable, ISecret secret) {
        java.util.Map<String, ISecret> more = new java.util.LinkedHashMap<>(secrets);
        more.put(variable, secret);
        return new ServiceBinding(environment, more, table, indexNames);
    }
}
