package io.eventgate.infra.cli;

import io.eventgate.infra.settings.InvalidSettingsException;
import picocli.CommandLine;

/** Settings problems are usage errors (exit 2, one line); anything else is a failure with its cause (exit 1). */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (e instanceof InvalidSettingsException || e instanceof IllegalArgumentException) {
            commandLine.getErr().println("error: " + e.getMessage());
            return 2;
        }
        String cloud = e instanceof RuntimeException runtime
                ? io.eventgate.infra.aws.CloudErrors.describe(runtime).orElse(null) : null;
        commandLine.getErr().println("error: " + (cloud != null ? cloud : e));
        if (cloud == null) {
            e.printStackTrace(commandLine.getErr());
        }
        return 1;
    }
}
