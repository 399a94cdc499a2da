package io.eventgate.deploy.gateway;

import io.eventgate.infra.provision.Facts;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * What the stack has built so far from gateway-infra's description, by the names the description uses, and the facts
 * the description's later resources read: gateway-infra's fact names, holding CDK tokens (a queue's ARN is
 * {@code Fn::GetAtt}, the carrier key's id is {@code Ref}) instead of values AWS returned.
 */
final class Built {

    final Facts facts = Facts.forApplying();
    final Map<String, Table> tables = new LinkedHashMap<>();
    final Map<String, EventBus> buses = new LinkedHashMap<>();
    final Map<String, Queue> queues = new LinkedHashMap<>();
    /** The secret behind each connection's key, by connection name. */
    final Map<String, ISecret> connectionKeys = new LinkedHashMap<>();
    /** The secret behind each API key's value, by key name. */
    final Map<String, ISecret> apiKeyValues = new LinkedHashMap<>();

    static <T> T require(Map<String, T> built, String name, String what) {
        T found = built.get(name);
        if (found == null) {
            throw new IllegalStateException(what + " " + name + " is referred to before gateway-infra's description"
                    + " created it");
        }
        return found;
    }
}
