package io.eventgate.infra.cli;

import io.eventgate.infra.aws.AwsClients;
import io.eventgate.infra.aws.CloudErrors;
import io.eventgate.infra.outputs.Outputs;
import io.eventgate.infra.outputs.OutputsFile;
import io.eventgate.infra.provision.Facts;
import io.eventgate.infra.provision.Provisioner;
import io.eventgate.infra.provision.Report;
import io.eventgate.infra.provision.Resource;
import io.eventgate.infra.settings.InfraSettings;
import io.eventgate.infra.settings.Secrets;
import io.eventgate.infra.topology.GatewayTopology;
import java.util.List;
import java.util.Map;

/** Everything one command works with: settings, secrets, the outputs file, SDK clients and the topology. */
final class Session implements AutoCloseable {

    final InfraSettings settings;
    final OutputsFile outputsFile;
    final Secrets secrets;
    final AwsClients aws;
    final GatewayTopology topology;
    final Provisioner provisioner = new Provisioner(CloudErrors::describe);

    Session(TargetOptions options) {
        this.settings = options.settings();
        this.outputsFile = options.outputsFile();
        this.secrets = options.secrets(outputsFile, settings);
        this.aws = new AwsClients(settings.aws());
        this.topology = new GatewayTopology(settings, secrets, outputsFile, aws);
    }

    List<Resource> resources() {
        return topology.resources();
    }

    /** Reads the live topology (changing nothing); the report's facts hold what {@link #outputs(Facts)} needs. */
    Report read() {
        return provisioner.plan(resources());
    }

    Map<String, String> outputs(Facts facts) {
        return Outputs.of(settings, facts, secrets);
    }

    String where() {
        return settings.aws().local() ? settings.aws().endpoint() + " (" + settings.aws().region() + ")"
                : "AWS " + settings.aws().region();
    }

    @Override
    public void close() {
        aws.close();
    }
}
