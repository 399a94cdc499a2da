package io.eventgate.carrier.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

class CredentialsTest {

    @Test
    void usesConfiguredStaticKeys() {
        AwsCredentials credentials = DynamoDbConfiguration.credentials(settings(null, "AKIDEXAMPLE", "secret"))
                .resolveCredentials();

        assertThat(credentials.accessKeyId()).isEqualTo("AKIDEXAMPLE");
        assertThat(credentials.secretAccessKey()).isEqualTo("secret");
    }

    @Test
    void localEndpointWorksWithoutAnyAwsCredentialsOnTheMachine() {
        AwsCredentials credentials = DynamoDbConfiguration
                .credentials(settings(URI.create("http://localhost:4566"), null, null))
                .resolveCredentials();

        // The machine's own credentials win when it has some; otherwise the placeholder keeps local calls working.
        String fromEnvironment = System.getenv("AWS_ACCESS_KEY_ID");
        if (fromEnvironment == null && System.getProperty("aws.accessKeyId") == null) {
            assertThat(credentials.accessKeyId()).isEqualTo(DynamoDbConfiguration.LOCAL_PLACEHOLDER);
        } else {
            assertThat(credentials.accessKeyId()).isNotBlank();
        }
    }

    private static AwsSettings settings(URI endpoint, String accessKeyId, String secret) {
        return new AwsSettings(endpoint, "us-east-1", accessKeyId, secret, 8, Duration.ofSeconds(5));
    }
}
