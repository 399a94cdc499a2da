package io.eventgate.infra.cli;

import io.eventgate.infra.provision.Report;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Creates or updates every resource to match the topology; a second apply changes nothing.",
                "Writes the outputs file (secrets it generated are kept there before they reach AWS)."})
final class ApplyCommand extends SessionCommand {

    @Override
    int run(Session session, PrintWriter out) {
        out.println("Applying the eventgate topology to " + session.where());
        Report report = session.provisioner.apply(session.resources());
        int exitCode = Printer.print(report, out);
        session.outputsFile.write(session.outputs(report.facts()));
        out.println("Outputs written to " + session.outputsFile.path());
        return exitCode;
    }
}
