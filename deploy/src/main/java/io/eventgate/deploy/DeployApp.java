package io.eventgate.deploy;

import java.util.Optional;
import software.amazon.awscdk.App;

/** The CDK app's entry point, run by the CDK CLI ({@code cdk.json}: {@code bin/app}). */
public final class DeployApp {

    private DeployApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        // The CLI passes the region and account of the current AWS configuration and credentials.
        EventgateApp.build(app, DeploySettings.from(app.getNode(), env("CDK_DEFAULT_REGION"),
                env("CDK_DEFAULT_ACCOUNT")));
        app.synth();
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}
