package io.eventgate.localcloud.apigateway.control;

import io.eventgate.localcloud.apigateway.model.ApiResource;
import io.eventgate.localcloud.apigateway.model.Deployment;
import io.eventgate.localcloud.apigateway.model.RestApi;
import io.eventgate.localcloud.apigateway.model.Stage;
import io.eventgate.localcloud.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * REST APIs, their deployments and stages.
 *
 * <p>Changes are serialised (the control plane is low-traffic); reads never lock. APIs are immutable values, so a
 * deployment keeps the API exactly as it was, and the data plane only ever reads a stage's deployment. With a data
 * directory every API, deployment and stage is stored as it changes and read back at start.
 */
public final class RestApiStore {

    /** The tag that fixes a new API's id (LocalStack's convention; AWS ignores it). */
    public static final String CUSTOM_ID_TAG = "_custom_id_";

    private static final Pattern PATH_PART = Pattern.compile("[A-Za-z0-9._~:@!$&'()*,;=-]+|\\{[A-Za-z0-9._-]+\\+?}");
    private static final Pattern CUSTOM_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final String API_KEY = "apigateway/restapi/";
    private static final String DEPLOYMENT_KEY = "apigateway/deployment/";
    private static final String STAGE_KEY = "apigateway/stage/";

    private final Clock clock;
    private final StateStore durable;
    private final Map<String, ApiState> apis = new ConcurrentHashMap<>();

    public RestApiStore(Clock clock) {
        this(clock, StateStore.inMemory());
    }

    public RestApiStore(Clock clock, StateStore durable) {
        this.clock = clock;
        this.durable = durable;
        for (StateStore.Entry entry : durable.entries(API_KEY)) {
            RestApi api = StateStore.read(entry.value(), RestApi.class);
            apis.put(api.id(), new ApiState(api));
        }
        for (StateStore.Entry entry : durable.entries(DEPLOYMENT_KEY)) {
            ApiState api = apis.get(apiIdOf(entry.key(), DEPLOYMENT_KEY));
            if (api != null) {
                Deployment deployment = StateStore.read(entry.value(), Deployment.class);
                api.deployments.put(deployment.id(), deployment);
            }
        }
        for (StateStore.Entry entry : durable.entries(STAGE_KEY)) {
            ApiState api = apis.get(apiIdOf(entry.key(), STAGE_KEY));
            if (api != null) {
                Stage stage = StateStore.read(entry.value(), Stage.class);
                api.stages.put(stage.stageName(), stage);
            }
        }
    }

    private static String apiIdOf(String key, String prefix) {
        String rest = key.substring(prefix.length());
        return rest.substring(0, rest.indexOf('/'));
    }

    private void store(RestApi api) {
        durable.put(API_KEY + api.id(), api);
    }

    private void store(String apiId, Stage stage) {
        durable.put(STAGE_KEY + apiId + "/" + stage.stageName(), stage);
    }

    /** What a stage serves: the deployed API snapshot and the stage (for its variables). */
    public record Deployed(RestApi api, Stage stage, Deployment deployment) {
    }

    private static final class ApiState {
        private volatile RestApi api;
        private final Map<String, Deployment> deployments = new ConcurrentHashMap<>();
        private final Map<String, Stage> stages = new ConcurrentHashMap<>();

        ApiState(RestApi api) {
            this.api = api;
        }
    }

    /** The deployment a stage serves, if both exist. */
    public Optional<Deployed> deployed(String apiId, String stageName) {
        ApiState state = apis.get(apiId);
        if (state == null) {
            return Optional.empty();
        }
        Stage stage = state.stages.get(stageName);
        if (stage == null) {
            return Optional.empty();
        }
        Deployment deployment = state.deployments.get(stage.deploymentId());
        return deployment == null ? Optional.empty()
                : Optional.of(new Deployed(deployment.snapshot(), stage, deployment));
    }

    synchronized RestApi create(String name, Optional<String> description, String apiKeySource,
                                Map<String, String> tags) {
        String id = tags.containsKey(CUSTOM_ID_TAG) ? tags.get(CUSTOM_ID_TAG) : Ids.next();
        if (!CUSTOM_ID.matcher(id).matches()) {
            throw ControlErrors.badRequest("Invalid " + CUSTOM_ID_TAG + " tag value: " + id);
        }
        if (apis.containsKey(id)) {
            throw ControlErrors.conflict("A REST API with id " + id + " already exists");
        }
        String rootId = Ids.next();
        var root = new ApiResource(rootId, Optional.empty(), "", "/", Map.of());
        var api = new RestApi(id, name, description.orElse(null), now(), apiKeySource, rootId, tags,
                Map.of(rootId, root), Map.of(), Map.of());
        apis.put(id, new ApiState(api));
        store(api);
        return api;
    }

    List<RestApi> all() {
        return apis.values().stream().map(s -> s.api).sorted(Comparator.comparing(RestApi::createdDate)).toList();
    }

    RestApi get(String apiId) {
        return state(apiId).api;
    }

    synchronized void delete(String apiId) {
        ApiState removed = state(apiId);
        apis.remove(apiId);
        durable.delete(API_KEY + apiId);
        removed.deployments.keySet().forEach(id -> durable.delete(DEPLOYMENT_KEY + apiId + "/" + id));
        removed.stages.keySet().forEach(name -> durable.delete(STAGE_KEY + apiId + "/" + name));
    }

    /** Applies a change to an API; the change may throw to refuse it. */
    synchronized RestApi update(String apiId, UnaryOperator<RestApi> change) {
        ApiState api = state(apiId);
        api.api = change.apply(api.api);
        store(api.api);
        return api.api;
    }

    synchronized ApiResource createResource(String apiId, String parentId, String pathPart) {
        ApiState state = state(apiId);
        RestApi api = state.api;
        ApiResource parent = api.resource(parentId)
                .orElseThrow(() -> ControlErrors.notFound("Invalid Resource identifier specified"));
        if (pathPart == null || !PATH_PART.matcher(pathPart).matches()) {
            throw ControlErrors.badRequest("Resource's path part only allow a-zA-Z0-9._-: and curly braces at the "
                    + "beginning and the end and an optional plus sign before the closing brace.");
        }
        if (parent.pathPart().endsWith("+}")) {
            throw ControlErrors.badRequest("A greedy path variable ({proxy+}) must be the last path part");
        }
        for (ApiResource sibling : api.resources().values()) {
            if (sibling.parentId().filter(parentId::equals).isEmpty()) {
                continue;
            }
            if (sibling.pathPart().equals(pathPart)) {
                throw ControlErrors.conflict("Another resource with the same parent already has this name: " + pathPart);
            }
            if (sibling.pathPart().startsWith("{") && pathPart.startsWith("{")) {
                throw ControlErrors.badRequest("A sibling (" + sibling.pathPart()
                        + ") of this resource already has a variable path part -- only one is allowed");
            }
        }
        String path = (parent.path().equals("/") ? "" : parent.path()) + "/" + pathPart;
        var resource = new ApiResource(Ids.next(), Optional.of(parentId), pathPart, path, Map.of());
        state.api = api.withResource(resource);
        store(state.api);
        return resource;
    }

    synchronized void deleteResource(String apiId, String resourceId) {
        ApiState state = state(apiId);
        RestApi api = state.api;
        api.resource(resourceId).orElseThrow(() -> ControlErrors.notFound("Invalid Resource identifier specified"));
        if (resourceId.equals(api.rootResourceId())) {
            throw ControlErrors.badRequest("Cannot delete the root resource of a REST API");
        }
        Set<String> doomed = new HashSet<>(Set.of(resourceId));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ApiResource r : api.resources().values()) {
                if (r.parentId().filter(doomed::contains).isPresent() && doomed.add(r.id())) {
                    grew = true;
                }
            }
        }
        state.api = api.withoutResources(doomed);
        store(state.api);
    }

    synchronized Deployment createDeployment(String apiId, Optional<String> description, Optional<String> stageName,
                                             Optional<String> stageDescription, Map<String, String> variables) {
        ApiState state = state(apiId);
        boolean hasMethods = state.api.resources().values().stream().anyMatch(r -> !r.methods().isEmpty());
        if (!hasMethods) {
            throw ControlErrors.badRequest("The REST API doesn't contain any methods");
        }
        boolean unintegrated = state.api.resources().values().stream()
                .flatMap(r -> r.methods().values().stream()).anyMatch(m -> m.integration().isEmpty());
        if (unintegrated) {
            throw ControlErrors.badRequest("No integration defined for method");
        }
        var deployment = new Deployment(Ids.next(), description, now(), state.api);
        state.deployments.put(deployment.id(), deployment);
        durable.put(DEPLOYMENT_KEY + apiId + "/" + deployment.id(), deployment);
        stageName.ifPresent(name -> {
            Stage existing = state.stages.get(name);
            Map<String, String> merged = new LinkedHashMap<>(existing == null ? Map.of() : existing.variables());
            merged.putAll(variables);
            Instant now = now();
            Stage stage = new Stage(name, deployment.id(),
                    existing == null ? stageDescription : stageDescription.or(existing::description), merged,
                    existing == null ? Map.of() : existing.tags(), existing == null ? now : existing.createdDate(),
                    now);
            state.stages.put(name, stage);
            store(apiId, stage);
        });
        return deployment;
    }

    List<Deployment> deployments(String apiId) {
        return state(apiId).deployments.values().stream()
                .sorted(Comparator.comparing(Deployment::createdDate)).toList();
    }

    synchronized Stage createStage(String apiId, String stageName, String deploymentId, Optional<String> description,
                                   Map<String, String> variables, Map<String, String> tags) {
        ApiState state = state(apiId);
        if (!state.deployments.containsKey(deploymentId)) {
            throw ControlErrors.notFound("Invalid Deployment identifier specified");
        }
        if (state.stages.containsKey(stageName)) {
            throw ControlErrors.conflict("Stage already exists");
        }
        Instant now = now();
        var stage = new Stage(stageName, deploymentId, description, variables, tags, now, now);
        state.stages.put(stageName, stage);
        store(apiId, stage);
        return stage;
    }

    Stage stage(String apiId, String stageName) {
        Stage stage = state(apiId).stages.get(stageName);
        if (stage == null) {
            throw ControlErrors.notFound("Invalid Stage identifier specified");
        }
        return stage;
    }

    List<Stage> stages(String apiId) {
        return new ArrayList<>(state(apiId).stages.values()).stream()
                .sorted(Comparator.comparing(Stage::createdDate)).toList();
    }

    /** Applies a change to a stage; a new deployment id must name an existing deployment. */
    synchronized Stage updateStage(String apiId, String stageName, UnaryOperator<Stage> change) {
        ApiState state = state(apiId);
        Stage changed = change.apply(stage(apiId, stageName));
        if (!state.deployments.containsKey(changed.deploymentId())) {
            throw ControlErrors.badRequest("Invalid deployment id " + changed.deploymentId());
        }
        Stage stamped = new Stage(changed.stageName(), changed.deploymentId(), changed.description(),
                changed.variables(), changed.tags(), changed.createdDate(), now());
        state.stages.put(stageName, stamped);
        store(apiId, stamped);
        return stamped;
    }

    synchronized void deleteStage(String apiId, String stageName) {
        stage(apiId, stageName);
        state(apiId).stages.remove(stageName);
        durable.delete(STAGE_KEY + apiId + "/" + stageName);
    }

    private ApiState state(String apiId) {
        ApiState state = apis.get(apiId);
        if (state == null) {
            throw ControlErrors.notFound("Invalid API identifier specified " + apiId);
        }
        return state;
    }

    private Instant now() {
        return clock.instant();
    }
}
