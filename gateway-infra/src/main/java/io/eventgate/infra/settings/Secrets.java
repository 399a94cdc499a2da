package io.eventgate.infra.settings;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The two partner secrets, found in the environment first and then in the outputs file a previous {@code apply}
 * wrote; never in the repository or the settings YAML.
 *
 * <ul>
 *   <li>{@value #CARRIER_INBOUND_API_KEY}: the key EventBridge's connection sends to carrier-service in
 *       {@code x-api-key}; carrier-service is configured with the same value.</li>
 *   <li>{@value #CARRIER_GATEWAY_API_KEY} (and {@code <NAME>_GATEWAY_API_KEY} for every other partner): a
 *       partner's API Gateway key value for {@code POST /events}.</li>
 * </ul>
 *
 * When neither source has one, {@link #generate()} makes a fresh 256-bit value; {@code apply} records it in the
 * outputs file, which is git-ignored and written readable by its owner only.
 */
public record Secrets(Optional<String> carrierInboundApiKey, Map<String, String> gatewayApiKeys) {

    public static final String CARRIER_INBOUND_API_KEY = "CARRIER_INBOUND_API_KEY";
    public static final String CARRIER_GATEWAY_API_KEY = "CARRIER_GATEWAY_API_KEY";

    /** API Gateway rejects key values shorter than this. */
    private static final int MIN_LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    public Secrets {
        carrierInboundApiKey.ifPresent(value -> requireUsable(CARRIER_INBOUND_API_KEY, value));
        gatewayApiKeys = Map.copyOf(gatewayApiKeys);
        gatewayApiKeys.forEach(Secrets::requireUsable);
    }

    /** No secret known: every key is generated on creation. */
    public static Secrets none() {
        return new Secrets(Optional.empty(), Map.of());
    }

    /** A partner's gateway key value, by its variable ({@link PartnerSettings#apiKeyVariable()}). */
    public Optional<String> gatewayApiKey(String variable) {
        return Optional.ofNullable(gatewayApiKeys.get(variable));
    }

    public Optional<String> carrierGatewayApiKey() {
        return gatewayApiKey(CARRIER_GATEWAY_API_KEY);
    }

    /**
     * @param environment     the process environment (takes precedence)
     * @param previousOutputs the variables of the outputs file written earlier, if any
     * @param gatewayKeys     the variables of the partners' gateway keys
     */
    public static Secrets from(Map<String, String> environment, Map<String, String> previousOutputs,
                               Collection<String> gatewayKeys) {
        Map<String, String> keys = new LinkedHashMap<>();
        gatewayKeys.forEach(variable -> find(variable, environment, previousOutputs)
                .ifPresent(value -> keys.put(variable, value)));
        return new Secrets(find(CARRIER_INBOUND_API_KEY, environment, previousOutputs), keys);
    }

    /** A fresh random key: 32 bytes from {@link SecureRandom}, base64url without padding (43 characters). */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Optional<String> find(String name, Map<String, String> environment, Map<String, String> outputs) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank())
                .or(() -> Optional.ofNullable(outputs.get(name)).filter(v -> !v.isBlank()))
                .map(String::strip);
    }

    private static void requireUsable(String name, String value) {
        if (value.length() < MIN_LENGTH || value.length() > 128 || !value.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidSettingsException(name + " must be 20-128 printable ASCII characters without spaces");
        }
    }

    /** Never shows the values. */
    @Override
    public String toString() {
        return "Secrets[carrierInboundApiKey=" + carrierInboundApiKey.map(v -> "***").orElse("none")
                + ", gatewayApiKeys=" + gatewayApiKeys.keySet() + "]";
    }
}
