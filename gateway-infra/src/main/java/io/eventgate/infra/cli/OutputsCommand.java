package io.eventgate.infra.cli;

import io.eventgate.infra.aws.JsonDocs;
import io.eventgate.infra.provision.Report;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "outputs", mixinStandardHelpOptions = true,
        description = {"Prints the gateway URL, API keys, queue URLs and table names as JSON; writes the .env file.",
                "The .env file is what the services and the Postman environment read. Contains secrets."})
final class OutputsCommand extends SessionCommand {

    @Option(names = "--no-write", description = "Only print; leave the outputs file alone.")
    private boolean noWrite;

    @Override
    int run(Session session, PrintWriter out) {
        Report live = session.read();
        if (!live.changes().isEmpty() || !live.succeeded()) {
            // Outputs of a half-applied topology are still useful (and are what exists), but say so.
            spec.commandLine().getErr().println("warning: the topology is not fully applied ("
                    + live.changes().size() + " resources differ" + (live.succeeded() ? "" : ", some unreadable")
                    + "); run plan to see what, apply to fix it");
        }
        Map<String, String> outputs = session.outputs(live.facts());
        out.println(JsonDocs.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(outputs));
        if (!noWrite) {
            session.outputsFile.write(outputs);
            spec.commandLine().getErr().println("Outputs written to " + session.outputsFile.path());
        }
        return 0;
    }
}
