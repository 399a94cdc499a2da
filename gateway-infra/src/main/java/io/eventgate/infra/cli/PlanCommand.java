package io.eventgate.infra.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Lists what apply would change, changing nothing.")
final class PlanCommand extends SessionCommand {

    @Override
    int run(Session session, PrintWriter out) {
        out.println("Planning the eventgate topology on " + session.where());
        return Printer.print(session.provisioner.plan(session.resources()), out);
    }
}
