package io.eventgate.infra.cli;

import io.eventgate.infra.outputs.OutputsFile;
import io.eventgate.infra.settings.InfraSettings;
import io.eventgate.infra.settings.PartnerSettings;
import io.eventgate.infra.settings.Secrets;
import io.eventgate.infra.settings.SettingsLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command shares: where the topology goes and how it is configured. */
final class TargetOptions {

    private final Map<String, String> environment;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "One endpoint for every AWS API (local-cloud, LocalStack), or 'aws' for real AWS."
                    + " Default: $EVENTGATE_AWS_ENDPOINT, else http://localhost:4566 (local-cloud).")
    private String endpoint;

    @Option(names = "--region", description = "AWS region. Default: $EVENTGATE_AWS_REGION, else us-east-1.")
    private String region;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML merged over the built-in topology.yaml.")
    private Path config;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Overrides one setting, e.g. --set carrier.outbound.baseUrl=http://carrier-service:8081.")
    private Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--manage-iam", description = "On AWS, create and converge the two service roles.")
    private boolean manageIam;

    @Option(names = "--env-file", paramLabel = "FILE", defaultValue = ".env",
            description = "The outputs file: read for secrets kept earlier, written by apply and outputs."
                    + " Default: ${DEFAULT-VALUE}.")
    private Path envFile;

    TargetOptions(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    InfraSettings settings() {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        if (endpoint != null) {
            all.put("aws.endpoint", endpoint);
        }
        if (region != null) {
            all.put("aws.region", region);
        }
        if (manageIam) {
            all.put("iam.manage", "true");
        }
        return new SettingsLoader(environment).load(Optional.ofNullable(config), all);
    }

    OutputsFile outputsFile() {
        return new OutputsFile(envFile);
    }

    Secrets secrets(OutputsFile file, InfraSettings settings) {
        return Secrets.from(environment, file.read(),
                settings.partners().stream().map(PartnerSettings::apiKeyVariable).toList());
    }
}
