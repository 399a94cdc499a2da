package io.eventgate.localcloud.apigateway.model;

import java.util.Optional;

/** A request or response model: a JSON Schema (draft 4) document, kept as the text the caller gave. */
public record Model(String id, String name, Optional<String> description, Optional<String> schema,
                    String contentType) {
}
