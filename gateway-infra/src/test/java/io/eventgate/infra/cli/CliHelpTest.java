package io.eventgate.infra.cli;

import io.eventgate.infra.Cli;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CliHelpTest {

    private final Cli cli = new Cli(Map.of());

    @Test
    void listsEveryCommand() {
        Cli.Run help = cli.run("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("apply", "plan", "destroy", "outputs", "replay", "redrive");
    }

    @Test
    void describesTheOptionsOfACommand() {
        Cli.Run help = cli.run("replay", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--from", "--to", "--rule", "--endpoint", "--region", "--env-file");
    }

    @Test
    void rejectsBadSettingsWithTheSettingsName() {
        Cli.Run run = cli.run("plan", "--set", "gateway.stage=no spaces");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("gateway.stage");
    }

    @Test
    void rejectsAMissingRequiredOption() {
        Cli.Run run = cli.run("redrive");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--dlq");
    }
}
