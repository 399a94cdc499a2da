package io.eventgate.infra.apigateway;

import io.eventgate.infra.provision.Change;
import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.provision.NamedResource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.GetStageResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;

/**
 * The stage and the deployment it serves. Each deployment's description carries a digest of the configuration it was
 * made from, so {@code apply} redeploys exactly when the API changed, including after a run that changed the API but
 * failed before deploying.
 */
public final class StageResource extends NamedResource {

    private static final String DIGEST_PREFIX = "eventgate config sha256:";

    private final String stage;
    private final ApiGatewayClient apiGateway;

    public StageResource(String stage, ApiGatewayClient apiGateway) {
        super("apigateway stage", stage);
        this.stage = stage;
        this.apiGateway = apiGateway;
    }

    /** The stage name. */
    public String stage() {
        return stage;
    }

    @Override
    public Change plan(Facts facts) {
        // Deploy only an API whose every part converged: after a failure the stage waits for the next run.
        ApiFacts.requireReady(facts);
        Map<String, String> configuration = ApiFacts.configuration(facts.all());
        String digest = DIGEST_PREFIX + digest(configuration.toString());
        Optional<String> apiId = facts.find(ApiFacts.REST_API_ID);
        Optional<GetStageResponse> live = apiId.flatMap(this::get);
        if (live.isEmpty()) {
            return Change.create(() -> deploy(facts, digest));
        }
        facts.put(ApiFacts.stage(stage), live.get().deploymentId());
        String deployed = deploymentDescription(apiId.get(), live.get().deploymentId());
        if (digest.equals(deployed) && !Facts.unknown(configuration.toString())) {
            return Change.none();
        }
        return Change.update(List.of("redeploy: the API's configuration changed since the last deployment"),
                () -> deploy(facts, digest));
    }

    @Override
    public Change planDeletion(Facts facts) {
        return Change.none();
    }

    /** Creating a deployment for a stage name creates the stage, or points the existing stage at it. */
    private void deploy(Facts facts, String digest) {
        String apiId = facts.require(ApiFacts.REST_API_ID);
        String deploymentId = apiGateway.createDeployment(b -> b.restApiId(apiId).stageName(stage)
                .description(digest)).id();
        facts.put(ApiFacts.stage(stage), deploymentId);
    }

    private String deploymentDescription(String apiId, String deploymentId) {
        return apiGateway.getDeploymentsPaginator(b -> b.restApiId(apiId).limit(500)).items().stream()
                .filter(d -> deploymentId.equals(d.id()))
                .map(software.amazon.awssdk.services.apigateway.model.Deployment::description)
                .findFirst()
                .orElse(null);
    }

    private Optional<GetStageResponse> get(String apiId) {
        try {
            return Optional.of(apiGateway.getStage(b -> b.restApiId(apiId).stageName(stage)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
