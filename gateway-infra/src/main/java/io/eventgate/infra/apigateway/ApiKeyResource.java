package io.eventgate.infra.apigateway;

import io.eventgate.infra.provision.Change;
import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.provision.NamedResource;
import io.eventgate.infra.settings.SecretKeeper;
import io.eventgate.infra.settings.Secrets;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiKey;

/**
 * A partner's gateway API key. Its value is the configured one, or generated (and kept) on creation; an existing key
 * whose value differs from the configured one is replaced, since API Gateway cannot change a key's value.
 */
public final class ApiKeyResource extends NamedResource {

    private final String keyName;
    private final String variable;
    private final Optional<String> configuredValue;
    private final SecretKeeper keeper;
    private final ApiGatewayClient apiGateway;

    /**
     * @param variable the variable the value is configured and kept under, e.g. {@code CARRIER_GATEWAY_API_KEY}
     */
    public ApiKeyResource(String keyName, String variable, Optional<String> configuredValue, SecretKeeper keeper,
                          ApiGatewayClient apiGateway) {
        super("apigateway api key", keyName);
        this.keyName = keyName;
        this.variable = variable;
        this.configuredValue = configuredValue;
        this.keeper = keeper;
        this.apiGateway = apiGateway;
    }

    /** The key's name; its value is a secret and not part of the description. */
    public String keyName() {
        return keyName;
    }

    @Override
    public Change plan(Facts facts) {
        Optional<ApiKey> live = find();
        if (live.isEmpty()) {
            return Change.create(() -> create(facts));
        }
        ApiKey current = live.get();
        publish(facts, current);
        if (configuredValue.isPresent() && !sameValue(current.value(), configuredValue.get())) {
            return Change.replace(List.of("value differs from " + variable
                    + " (API Gateway cannot change a key's value)"), () -> {
                        apiGateway.deleteApiKey(b -> b.apiKey(current.id()));
                        create(facts);
                    });
        }
        if (!Boolean.TRUE.equals(current.enabled())) {
            return Change.update(List.of("enabled false -> true"), () -> apiGateway.updateApiKey(b -> b
                    .apiKey(current.id()).patchOperations(p -> p.op("replace").path("/enabled").value("true"))));
        }
        return Change.none();
    }

    @Override
    public Change planDeletion(Facts facts) {
        Optional<ApiKey> live = find();
        return live.isEmpty() ? Change.none()
                : Change.delete(() -> apiGateway.deleteApiKey(b -> b.apiKey(live.get().id())));
    }

    private void create(Facts facts) {
        String value = configuredValue.orElseGet(() -> {
            String generated = Secrets.generate();
            keeper.keep(variable, generated);
            return generated;
        });
        var created = apiGateway.createApiKey(b -> b.name(keyName).enabled(true).value(value)
                .description("eventgate: partner key for POST /events"));
        facts.put(ApiFacts.apiKeyId(keyName), created.id());
        facts.put(ApiFacts.apiKeyValue(keyName), value);
    }

    private void publish(Facts facts, ApiKey key) {
        facts.put(ApiFacts.apiKeyId(keyName), key.id());
        if (key.value() != null) {
            facts.put(ApiFacts.apiKeyValue(keyName), key.value());
        }
    }

    private Optional<ApiKey> find() {
        return apiGateway.getApiKeysPaginator(b -> b.nameQuery(keyName).includeValues(true).limit(500)).items()
                .stream()
                .filter(k -> keyName.equals(k.name()))
                .findFirst();
    }

    private static boolean sameValue(String live, String configured) {
        return live != null && MessageDigest.isEqual(live.getBytes(StandardCharsets.UTF_8),
                configured.getBytes(StandardCharsets.UTF_8));
    }
}
