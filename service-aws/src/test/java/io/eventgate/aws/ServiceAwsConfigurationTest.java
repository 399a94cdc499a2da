package io.eventgate.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;
import io.awspring.cloud.autoconfigure.core.CredentialsProperties;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceAwsConfigurationTest {

    static AwsConnectionDetails details(AwsSettings settings, String accessKey) {
        CredentialsProperties credentials = new CredentialsProperties();
        credentials.setAccessKey(accessKey);
        return new ServiceAwsConfiguration().awsConnectionDetails(settings, credentials);
    }

    @Test
    void leavesEverythingToTheSdkWithoutAnEndpoint() {
        AwsConnectionDetails real = details(new AwsSettings(Optional.empty(), Optional.empty()), null);

        assertThat(real.getEndpoint()).isNull();
        assertThat(real.getRegion()).isNull();
        assertThat(real.getAccessKey()).isNull();
        assertThat(real.getSecretKey()).isNull();
    }

    @Test
    void pointsAtTheEmulatorWithPlaceholderCredentialsAndADefaultRegion() {
        AwsConnectionDetails local = details(new AwsSettings(Optional.of(URI.create("http://localhost:4566")),
                Optional.empty()), null);

        assertThat(local.getEndpoint()).isEqualTo(URI.create("http://localhost:4566"));
        assertThat(local.getRegion()).isEqualTo("us-east-1");
        assertThat(local.getAccessKey()).isEqualTo("eventgatelocal").matches("[A-Za-z0-9]+");
    }

    @Test
    void keepsConfiguredCredentialsAndRegionWithAnEndpoint() {
        AwsConnectionDetails local = details(new AwsSettings(Optional.of(URI.create("http://localhost:4566")),
                Optional.of("eu-west-1")), "AKIAEXAMPLE");

        assertThat(local.getRegion()).isEqualTo("eu-west-1");
        assertThat(local.getAccessKey()).as("Spring Cloud AWS applies the configured ones").isNull();
    }

    @Test
    void refusesARelativeEndpoint() {
        assertThatThrownBy(() -> new AwsSettings(Optional.of(URI.create("localhost:4566/x")), Optional.empty()))
                .hasMessageContaining("eventgate.aws.endpoint");
    }
}
