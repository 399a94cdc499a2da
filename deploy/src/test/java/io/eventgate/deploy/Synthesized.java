package io.eventgate.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app synthesized once per test JVM (starting the jsii runtime and synthesizing take most of the tests' time):
 * every test class reads the same templates and messages.
 */
final class Synthesized {

    /** Any region: the templates use the pseudo parameter wherever they can. */
    static final String REGION = "eu-central-1";
    static final Synthesized APP = new Synthesized();

    final EventgateApp.Stacks stacks;
    final Stack gateway;
    final Stack services;
    final Duration synthesisTime;
    /** Each stack's template with references resolved to symbols (the services' imports to the gateway's outputs). */
    final TemplateState gatewayResolved;
    final TemplateState servicesResolved;

    /** One synthesized stack: the assertions view, the raw JSON, and what the synthesis reported about it. */
    record Stack(String name, Template template, JsonNode json, List<SynthesisMessage> messages) {
    }

    private Synthesized() {
        long start = System.nanoTime();
        try {
            // In the module's build directory (the tests run there), so that nothing piles up elsewhere.
            Path outdir = Files.createDirectories(Path.of("target", "cdk-test.out"));
            App app = new App(AppProps.builder().outdir(outdir.toString()).build());
            stacks = EventgateApp.build(app, DeploySettings.defaults(REGION));
            CloudAssembly assembly = app.synth();
            gateway = read(assembly, stacks.gateway());
            services = read(assembly, stacks.services());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synthesisTime = Duration.ofNanos(System.nanoTime() - start);
        gatewayResolved = TemplateState.resolver(gateway.json(), gateway.json());
        servicesResolved = TemplateState.resolver(services.json(), gateway.json());
        System.out.println("deploy: app built and synthesized in " + synthesisTime.toMillis() + " ms");
    }

    private static Stack read(CloudAssembly assembly, software.amazon.awscdk.Stack stack) throws IOException {
        CloudFormationStackArtifact artifact = assembly.getStackByName(stack.getStackName());
        JsonNode json = JsonMapper.builder().build().readTree(Path.of(artifact.getTemplateFullPath()).toFile());
        return new Stack(stack.getStackName(), Template.fromStack(stack), json, artifact.getMessages());
    }
}
