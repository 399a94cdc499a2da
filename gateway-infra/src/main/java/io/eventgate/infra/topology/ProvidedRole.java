package io.eventgate.infra.topology;

import io.eventgate.infra.provision.Change;
import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.provision.NamedResource;

/**
 * A role that is not managed here: its ARN is given (AWS without {@code --manage-iam}) or, on a local endpoint, a
 * conventional ARN that nothing checks. Publishes the ARN and never changes anything.
 */
public final class ProvidedRole extends NamedResource {

    private final String factKey;
    private final String roleArn;

    ProvidedRole(String factKey, String roleArn) {
        super("iam role (provided)", roleArn);
        this.factKey = factKey;
        this.roleArn = roleArn;
    }

    /** The fact under which the role's ARN is published. */
    public String factKey() {
        return factKey;
    }

    public String roleArn() {
        return roleArn;
    }

    @Override
    public Change plan(Facts facts) {
        facts.put(factKey, roleArn);
        return Change.none();
    }

    @Override
    public Change planDeletion(Facts facts) {
        return Change.none();
    }
}
