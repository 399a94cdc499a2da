package io.eventgate.localcloud.apigateway.control;

import static io.eventgate.localcloud.apigateway.control.ControlRoutes.accepted;
import static io.eventgate.localcloud.apigateway.control.ControlRoutes.created;
import static io.eventgate.localcloud.apigateway.control.ControlRoutes.ok;

import io.eventgate.localcloud.apigateway.model.Stage;
import io.eventgate.localcloud.edge.EdgeResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Deployments and stages: the only way changes reach callers. */
final class DeploymentOperations {

    private static final Pattern STAGE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final RestApiStore apis;

    DeploymentOperations(RestApiStore apis) {
        this.apis = apis;
    }

    void register(ControlRoutes routes) {
        routes.add("POST", "/restapis/{api}/deployments", "CreateDeployment", this::createDeployment)
                .add("GET", "/restapis/{api}/deployments", "GetDeployments",
                        c -> ok(Views.page(apis.deployments(c.param("api")), Views::deployment)))
                .add("POST", "/restapis/{api}/stages", "CreateStage", this::createStage)
                .add("GET", "/restapis/{api}/stages", "GetStages", c -> {
                    var stages = apis.stages(c.param("api")).stream()
                            .filter(s -> c.query("deploymentId").map(s.deploymentId()::equals).orElse(true))
                            .toList();
                    return ok(Views.page(stages, Views::stage));
                })
                .add("GET", "/restapis/{api}/stages/{stage}", "GetStage",
                        c -> ok(Views.stage(apis.stage(c.param("api"), c.param("stage")))))
                .add("PATCH", "/restapis/{api}/stages/{stage}", "UpdateStage", this::updateStage)
                .add("DELETE", "/restapis/{api}/stages/{stage}", "DeleteStage", c -> {
                    apis.deleteStage(c.param("api"), c.param("stage"));
                    return accepted();
                });
    }

    private EdgeResponse createDeployment(Call call) {
        Input body = call.body();
        Optional<String> stageName = body.string("stageName").filter(s -> !s.isEmpty());
        stageName.ifPresent(DeploymentOperations::checkStageName);
        var deployment = apis.createDeployment(call.param("api"), body.string("description"), stageName,
                body.string("stageDescription"), body.stringMap("variables"));
        return created(Views.deployment(deployment));
    }

    private EdgeResponse createStage(Call call) {
        Input body = call.body();
        String name = body.required("stageName");
        checkStageName(name);
        Stage stage = apis.createStage(call.param("api"), name, body.required("deploymentId"),
                body.string("description"), body.stringMap("variables"), body.stringMap("tags"));
        return created(Views.stage(stage));
    }

    private EdgeResponse updateStage(Call call) {
        var operations = PatchOperation.of(call.body());
        Stage updated = apis.updateStage(call.param("api"), call.param("stage"), stage -> {
            String deploymentId = stage.deploymentId();
            Optional<String> description = stage.description();
            Map<String, String> variables = new LinkedHashMap<>(stage.variables());
            for (PatchOperation op : operations) {
                if (op.path().equals("/deploymentId") && op.op().equals("replace")) {
                    deploymentId = op.requiredValue();
                } else if (op.path().equals("/description") && op.op().equals("replace")) {
                    description = op.value();
                } else if (op.path().startsWith("/variables/")) {
                    String name = op.path().substring("/variables/".length());
                    switch (op.op()) {
                        case "replace", "add" -> variables.put(name, op.requiredValue());
                        case "remove" -> variables.remove(name);
                        default -> throw op.unsupported();
                    }
                } else {
                    throw op.unsupported();
                }
            }
            return new Stage(stage.stageName(), deploymentId, description, variables, stage.tags(),
                    stage.createdDate(), stage.lastUpdatedDate());
        });
        return ok(Views.stage(updated));
    }

    private static void checkStageName(String name) {
        if (!STAGE_NAME.matcher(name).matches()) {
            throw ControlErrors.badRequest("Stage name only allows a-zA-Z0-9_- and at most 128 characters");
        }
    }
}
