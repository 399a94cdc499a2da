package io.eventgate.localcloud.apigateway.control;

import java.util.List;
import java.util.Optional;

/** One entry of an Update* call's {@code patchOperations} (JSON-Patch-like: op, path, value). */
record PatchOperation(String op, String path, Optional<String> value) {

    static List<PatchOperation> of(Input body) {
        return body.objects("patchOperations").stream()
                .map(p -> new PatchOperation(p.required("op"), p.required("path"), p.string("value")))
                .toList();
    }

    String requiredValue() {
        return value.orElseThrow(() -> ControlErrors.badRequest("Patch operation " + op + " " + path
                + " needs a value"));
    }

    /** The error for a path or op this implementation does not support, naming it. */
    RuntimeException unsupported() {
        return ControlErrors.badRequest("Invalid patch path '" + path + "' specified for op '" + op
                + "': not supported by local-cloud");
    }
}
