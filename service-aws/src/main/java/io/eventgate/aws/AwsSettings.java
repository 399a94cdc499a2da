package io.eventgate.aws;

import java.net.URI;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the AWS APIs are ({@code eventgate.aws.*}, the same keys in both services). Credentials are Spring Cloud
 * AWS's own ({@code spring.cloud.aws.credentials.*}), else the SDK's default chain.
 *
 * @param endpoint one edge URL for every AWS client (local-cloud, LocalStack: {@code http://localhost:4566});
 *                 unset means the SDK's own endpoints, i.e. real AWS
 * @param region   the region; unset means the SDK's region chain (or {@code us-east-1} when an endpoint is set)
 */
@Validated
@ConfigurationProperties("eventgate.aws")
public record AwsSettings(Optional<URI> endpoint, Optional<String> region) {

    static final String LOCAL_DEFAULT_REGION = "us-east-1";

    public AwsSettings {
        endpoint = endpoint == null ? Optional.empty() : endpoint;
        region = region == null ? Optional.empty() : region.filter(r -> !r.isBlank());
        endpoint.ifPresent(uri -> requireAbsolute("endpoint", uri));
    }

    /** Refuses a URL that is not absolute, naming the setting. */
    public static void requireAbsolute(String name, URI uri) {
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException("eventgate.aws." + name + " must be an absolute URL, was " + uri);
        }
    }
}
