package io.eventgate.localcloud.apigateway.model;

import java.time.Instant;
import java.util.LinkedHashMap;
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
        Map<String, ApiResource> copy = new LinkedHashMap<>(resources);
        copy.put(resource.id(), resource);
        return new RestApi(id, name, description, createdDate, apiKeySource, rootResourceId, tags, copy, models,
                validators);
    }

    public RestApi withoutResources(java.util.Collection<String> resourceIds) {
        Map<String, ApiResource> copy = new LinkedHashMap<>(resources);
        resourceIds.forEach(copy::remove);
        return new RestApi(id, name, description, createdDate, apiKeySource, rootResourceId, tags, copy, models,
                validators);
    }

    public RestApi withModel(Model model) {
        Map<String, Model> copy = new LinkedHashMap<>(models);
        copy.put(model.name(), model);
        return new RestApi(id, name, description, createdDate, apiKeySource, rootResourceId, tags, resources, copy,
                validators);
    }

    public RestApi withValidator(RequestValidator validator) {
        Map<String, RequestValidator> copy = new LinkedHashMap<>(validators);
        copy.put(validator.id(), validator);
        return new RestApi(id, name, description, createdDate, apiKeySource, rootResourceId, tags, resources, models,
                copy);
    }

    public RestApi withTags(Map<String, String> newTags) {
        return new RestApi(id, name, description, createdDate, apiKeySource, rootResourceId, newTags, resources,
                models, validators);
    }
}
