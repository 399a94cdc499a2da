package io.eventgate.infra;

import io.eventgate.infra.cli.GatewayInfraCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the CLI in-process, as the run command would, and keeps what it printed. */
public final class Cli {

    /** What one command line did. */
    public record Run(int exitCode, String out, String err) {
    }

    private final Map<String, String> environment;

    public Cli(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GatewayInfraCli.run(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }
}
