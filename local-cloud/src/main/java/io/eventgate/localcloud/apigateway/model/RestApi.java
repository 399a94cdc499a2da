package io.eventgate.localcloud.apigateway.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A REST API: its resource tree, models and request validators. Immutable; every {@code with...} returns a copy.
 *
 * @param resources  by resource id; the root resource has path {@code /}
 * @param models     by model name
 * @param validators by validator id
 */
public record RestApi(String id, String name, String description, Instant createdDate, String apiKeySource,
                      String rootResourceId, Map<String, String> tags, Map<String, ApiResource> resources,
                      Map<String, Model> models, Map<String, RequestValidator> validators) {

    public RestApi {
        tags = Map.copyOf(tags);
        resources = Map.copyOf(resources);
        models = Map.copyOf(models);
        validators = Map.copyOf(validators);
    }

    public Optional<ApiResource> resource(String resourceId) {
        return Optional.ofNullable(resources.get(resourceId));
    }

    public RestApi withResource(ApiResource resource) {
        return new RestApi(id, name, description, createdDate, apiKeySource, rootResourceId, tags,
                Maps.with(resources, resource.id(), resource), models, validators);
    }

    public RestApi withoutResources(java.util.Collection<String> resourceIds) {
        return new RestApi(id, name, description, createdDate, apiKeySource, rootResourceId, tags,
                Maps.without(resources, resourceIds), models, validators);
    }

    public RestApi withModel(Model model) {
        return new RestApi(id, name, description, createdDate, apiKeySource, rootResourceId, tags, resources,
                Maps.with(models, model.name(), model), validators);
    }

    public RestApi withValidator(RequestValidator validator) {
        return new RestApi(id, name, description, createdDate, apiKeySource, rootResourceId, tags, resources, models,
                Maps.with(validators, validator.id(), validator));
    }

    public RestApi withTags(Map<String, String> newTags) {
        return new RestApi(id, name, description, createdDate, apiKeySource, rootResourceId, newTags, resources,
                models, validators);
    }
}
