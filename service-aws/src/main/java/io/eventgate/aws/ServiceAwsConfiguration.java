package io.eventgate.aws;

import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;
import io.awspring.cloud.autoconfigure.core.CredentialsProperties;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Points every AWS client at {@code eventgate.aws.endpoint}. Spring Cloud AWS builds its clients from the
 * {@link AwsConnectionDetails} declared here, and a service builds any other client with the same
 * {@code AwsClientBuilderConfigurer} and these details, so all of them agree on endpoint, region and credentials.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AwsSettings.class)
public class ServiceAwsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ServiceAwsConfiguration.class);

    /**
     * Credentials used only against a local emulator, never against real AWS. Letters and digits only: DynamoDB
     * Local 2.x refuses access key ids with anything else.
     */
    static final String LOCAL_ACCESS_KEY = "eventgatelocal";

    @Bean
    AwsConnectionDetails awsConnectionDetails(AwsSettings settings, CredentialsProperties credentials) {
        boolean emulator = settings.endpoint().isPresent();
        boolean explicitCredentials = StringUtils.hasText(credentials.getAccessKey());
        settings.endpoint().ifPresent(endpoint -> log.info("AWS clients use endpoint {}{}", endpoint,
                explicitCredentials ? "" : " with placeholder credentials"));
        return new AwsConnectionDetails() {
            @Override
            public URI getEndpoint() {
                return settings.endpoint().orElse(null);
            }

            @Override
            public String getRegion() {
                return settings.region().orElse(emulator ? AwsSettings.LOCAL_DEFAULT_REGION : null);
            }

            // Emulators accept any credentials, so a developer needs none configured. Against real AWS (no endpoint)
            // these stay null and the SDK's default credentials chain applies.
            @Override
            public String getAccessKey() {
                return emulator && !explicitCredentials ? LOCAL_ACCESS_KEY : null;
            }

            @Override
            public String getSecretKey() {
                return emulator && !explicitCredentials ? LOCAL_ACCESS_KEY : null;
            }
        };
    }
}
