package io.eventgate.infra.iam;

import io.eventgate.infra.aws.JsonDocs;
import io.eventgate.infra.provision.Change;
import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.provision.NamedResource;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;

/** A service role with one inline policy, both converged to the topology's documents. */
public final class RoleResource extends NamedResource {

    private static final String POLICY_NAME = "eventgate";

    private final String roleName;
    private final String trustPolicy;
    private final Function<Facts, String> permissions;
    private final IamClient iam;

    /**
     * @param trustPolicy who may assume the role
     * @param permissions the inline policy, given the facts (it names resources created earlier)
     */
    public RoleResource(String roleName, String trustPolicy, Function<Facts, String> permissions, IamClient iam) {
        super("iam role", roleName);
        this.roleName = roleName;
        this.trustPolicy = trustPolicy;
        this.permissions = permissions;
        this.iam = iam;
    }

    public static String arnFact(String role) {
        return "iam.role." + role + ".arn";
    }

    /** Who may assume the role. */
    public String trustPolicy() {
        return trustPolicy;
    }

    /** The role's inline policy, given the facts. */
    public String permissions(Facts facts) {
        return permissions.apply(facts);
    }

    @Override
    public Change plan(Facts facts) {
        String policy = permissions.apply(facts);
        Optional<Role> live = get();
        if (live.isEmpty()) {
            return Change.create(() -> {
                Role role = iam.createRole(b -> b.roleName(roleName).assumeRolePolicyDocument(trustPolicy)
                        .description("eventgate service role")).role();
                iam.putRolePolicy(b -> b.roleName(roleName).policyName(POLICY_NAME).policyDocument(policy));
                facts.put(arnFact(roleName), role.arn());
            });
        }
        facts.put(arnFact(roleName), live.get().arn());
        List<String> details = new ArrayList<>();
        if (!JsonDocs.same(decode(live.get().assumeRolePolicyDocument()), trustPolicy)) {
            details.add("trust policy differs");
        }
        Optional<String> livePolicy = inlinePolicy();
        if (livePolicy.isEmpty() || !JsonDocs.same(livePolicy.get(), policy)) {
            details.add("permissions " + (livePolicy.isEmpty() ? "missing" : "differ"));
        }
        if (details.isEmpty()) {
            return Change.none();
        }
        return Change.update(details, () -> {
            iam.updateAssumeRolePolicy(b -> b.roleName(roleName).policyDocument(trustPolicy));
            iam.putRolePolicy(b -> b.roleName(roleName).policyName(POLICY_NAME).policyDocument(policy));
        });
    }

    @Override
    public Change planDeletion(Facts facts) {
        if (get().isEmpty()) {
            return Change.none();
        }
        return Change.delete(() -> {
            if (inlinePolicy().isPresent()) {
                iam.deleteRolePolicy(b -> b.roleName(roleName).policyName(POLICY_NAME));
            }
            iam.deleteRole(b -> b.roleName(roleName));
        });
    }

    private Optional<Role> get() {
        try {
            return Optional.of(iam.getRole(b -> b.roleName(roleName)).role());
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        }
    }

    private Optional<String> inlinePolicy() {
        try {
            return Optional.of(decode(iam.getRolePolicy(b -> b.roleName(roleName).policyName(POLICY_NAME))
                    .policyDocument()));
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        }
    }

    /** IAM returns policy documents URL-encoded. */
    private static String decode(String document) {
        return document == null ? null : URLDecoder.decode(document, StandardCharsets.UTF_8);
    }
}
